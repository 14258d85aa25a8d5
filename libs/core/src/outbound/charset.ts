/**
 * Decoding a fetched page (API.md: "the page's charset is honoured"): a byte order mark, then the
 * HTTP header's `charset`, then `<meta charset>` or `<meta http-equiv="Content-Type">` in the page's
 * first bytes, else UTF-8. Labels are WHATWG encoding labels (so `iso-8859-1` reads as windows-1252,
 * as browsers do); an unknown label is skipped.
 */

/** How far into an HTML page a `<meta>` charset is looked for (browsers pre-scan 1024 bytes; pages are sloppier). */
const META_SCAN_BYTES = 4096;

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

function known(label: string | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The `charset` parameter of a Content-Type header value. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
}

/** The charset an HTML page declares in a `<meta>` element among its first bytes. */
export function charsetOfMeta(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, META_SCAN_BYTES)).toString('latin1');
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(meta);
    if (direct) return direct[1];
  }
  return undefined;
}

/** The encoding to read `bytes` with, by the rules above. */
export function detectCharset(bytes: Uint8Array, contentType: string | undefined, html: boolean): string {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((byte, i) => bytes[i] === byte)) return encoding;
  }
  return known(charsetOfContentType(contentType)) ?? (html ? known(charsetOfMeta(bytes)) : null) ?? 'utf-8';
}

/**
 * windows-1252's 0x80..0x9F (curly quotes, dashes, €, …), which Node 20's TextDecoder reads as
 * ISO-8859-1's control characters; the undefined five stay U+0080-style controls, as WHATWG says.
 */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** The page as text, in the encoding it declares. */
export function decodePage(bytes: Uint8Array, contentType: string | undefined, html: boolean): string {
  const encoding = detectCharset(bytes, contentType, html);
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}
