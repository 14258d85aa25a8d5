import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The text of each page of a PDF, as a reader's copy-and-paste would give it, extracted by pdf.js.
 * pdfjs-dist 4 is ES-module only and jest runs CommonJS, so it runs in a child Node process.
 */
export function pdfPageTexts(pdf: Buffer): string[] {
  const pdfjs = pathToFileURL(join(dirname(require.resolve('pdfjs-dist/package.json')), 'legacy/build/pdf.mjs')).href;
  const script = `
    import { getDocument } from ${JSON.stringify(pdfjs)};
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), disableFontFace: true, verbosity: 0 }).promise;
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\\n' : '')).join(''));
    }
    process.stdout.write(JSON.stringify(pages));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output.toString('utf8')) as string[];
}
