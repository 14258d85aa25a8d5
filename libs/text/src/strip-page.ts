import { Parser } from 'htmlparser2';

/**
 * Elements whose content is never article text: dropped whole before the page becomes a DOM. Readability
 * removes scripts, styles and form controls itself and the text conversion drops SVG and templates, so
 * they only cost parsing, scoring and garbage. Frames, embeds and media stay: Readability counts them
 * when it judges a block (measured: dropping them changed which blocks were kept).
 */
const DROPPED = new Set(['script', 'style', 'svg', 'noscript', 'template', 'select', 'textarea', 'link']);

/** JSON-LD stays: the page's metadata is read from it. */
const isJsonLd = (attributes: Record<string, string>): boolean => (attributes['type'] ?? '').trim().toLowerCase() === 'application/ld+json';

/**
 * The attributes that something downstream reads: Readability's scoring (class, id, role, visibility,
 * link density, data tables, byline, language), the metadata (meta tags, JSON-LD, `itemprop`, `<html
 * lang>`, a heading's link home) and the text conversion (`hidden`). The rest (data-*, event handlers,
 * inline styles without display/visibility, titles) is much of a modern page's markup. An `<img>` keeps
 * all of its own: Readability drops an image with no attribute that looks like a source, and the
 * images it counts decide which blocks are kept.
 */
const KEPT_ATTRIBUTES = new Set([
  'id', 'class', 'role', 'hidden', 'aria-hidden', 'aria-modal', 'href', 'rel', 'itemprop', 'lang', 'xml:lang', 'dir',
  'name', 'property', 'content', 'http-equiv', 'charset', 'type', 'datetime', 'colspan', 'rowspan', 'summary', 'datatable',
]);

/** Readability reads an inline style only for `display` and `visibility`. */
const VISIBILITY_STYLE = /display|visibility/i;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * A page's HTML without what can never be article text (see DROPPED, comments) and without the
 * attributes nobody reads, as HTML again. It is read by the same parser linkedom uses (htmlparser2),
 * and every element it keeps is written with its end tag where the parser closed it, so the kept
 * elements nest exactly as in a DOM of the whole page. Entities are left as written.
 */
export function stripPage(html: string): string {
  const out: string[] = [];
  let dropping = 0; // depth inside a dropped element
  const parser = new Parser({
    onprocessinginstruction(name, data) {
      if (dropping === 0 && name.toLowerCase() === '!doctype') out.push(`<${data}>`);
    },
    onopentag(name, attributes) {
      if (dropping > 0 || (DROPPED.has(name) && !(name === 'script' && isJsonLd(attributes)))) {
        dropping++;
        return;
      }
      let tag = `<${name}`;
      for (const [attribute, value] of Object.entries(attributes)) {
        const key = attribute.toLowerCase();
        if (name !== 'img' && !KEPT_ATTRIBUTES.has(key) && !(key === 'style' && VISIBILITY_STYLE.test(value))) continue;
        tag += value === '' ? ` ${attribute}` : ` ${attribute}="${value.replace(/"/g, '&quot;')}"`;
      }
      out.push(`${tag}>`);
    },
    ontext(text) {
      if (dropping === 0) out.push(text);
    },
    onclosetag(name) {
      if (dropping > 0) dropping--;
      else if (!VOID.has(name)) out.push(`</${name}>`);
    },
  }, { decodeEntities: false, lowerCaseAttributeNames: false });
  parser.end(html);
  return out.join('');
}
