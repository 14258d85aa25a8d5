import { readMarkup, VOID_ELEMENTS } from './markup-reader';

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

/** The page's kept markup, as parser events (see `readKeptMarkup`). */
export interface KeptMarkup {
  doctype(declaration: string): void;
  open(name: string, attributes: Record<string, string>): void;
  /**
   * `joins`: this text directly follows kept text with only dropped markup between, so that the page
   * written without that markup (`stripPage`) would have one text there, where the parser gives one
   * event (an entity is always an event of its own).
   */
  text(text: string, joins: boolean): void;
  close(name: string): void;
}

/**
 * Reads a page once and hands on what is kept: every element not in DROPPED (nor inside one), with
 * the attributes something reads, and its text, closed where the parser closed it; comments and
 * processing instructions are left out.
 */
export function readKeptMarkup(html: string, kept: KeptMarkup, decodeEntities: boolean): void {
  let dropping = 0; // depth inside a dropped element
  let lastTextEnd = -1; // where the last kept event ended, if it was text (not an entity); else -1
  const keptOther = (): void => {
    lastTextEnd = -1;
  };
  readMarkup(html, {
    declaration(name, data) {
      if (dropping > 0 || name !== '!doctype') return;
      keptOther();
      kept.doctype(data);
    },
    open(name, attributes) {
      if (dropping > 0 || (DROPPED.has(name) && !(name === 'script' && isJsonLd(attributes)))) {
        dropping++;
        return;
      }
      const read: Record<string, string> = {};
      for (const [attribute, value] of Object.entries(attributes)) {
        const key = attribute.toLowerCase();
        if (name === 'img' || KEPT_ATTRIBUTES.has(key) || (key === 'style' && VISIBILITY_STYLE.test(value))) read[attribute] = value;
      }
      keptOther();
      kept.open(name, read);
    },
    text(text, end) {
      if (dropping > 0) return;
      // Plain text is the page as written; an entity's event gives a character the page spells otherwise.
      const isEntity = !html.startsWith(text, end - text.length);
      // Anything between two texts that nothing kept (a dropped element, a comment, a stray end tag) vanishes.
      const joins = !isEntity && lastTextEnd >= 0 && end - text.length > lastTextEnd;
      lastTextEnd = isEntity ? -1 : end;
      kept.text(text, joins);
    },
    close(name) {
      if (dropping > 0) {
        dropping--;
        return;
      }
      keptOther();
      kept.close(name);
    },
  }, { decodeEntities, lowerCaseAttributeNames: false });
}

/**
 * A page's HTML without what can never be article text (see DROPPED, comments) and without the
 * attributes nobody reads, as HTML again (the desk reads pages with `readPage` instead; this is what a
 * general DOM, linkedom or jsdom in the benchmark, is given). It is read as linkedom's parser (htmlparser2) reads it (markup-reader.ts),
 * and every element it keeps is written with its end tag where the parser closed it, so the kept
 * elements nest exactly as in a DOM of the whole page. Entities are left as written.
 */
export function stripPage(html: string): string {
  const out: string[] = [];
  readKeptMarkup(html, {
    doctype: (declaration) => out.push(`<${declaration}>`),
    open(name, attributes) {
      let tag = `<${name}`;
      for (const [attribute, value] of Object.entries(attributes)) tag += value === '' ? ` ${attribute}` : ` ${attribute}="${value.replace(/"/g, '&quot;')}"`;
      out.push(`${tag}>`);
    },
    text: (text) => out.push(text),
    close(name) {
      if (!VOID_ELEMENTS.has(name)) out.push(`</${name}>`);
    },
  }, false);
  return out.join('');
}
