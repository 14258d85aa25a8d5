import MarkdownIt from 'markdown-it';
import { blocksToCanonicalText } from './canonical';
import { parseHtmlFragment, TextBlockCollector } from './html';

type Token = MarkdownIt.Token;

// Raw HTML is allowed through to parse5; typographer and linkify stay off so that quotation marks,
// dashes and bare URLs remain exactly as the author wrote them.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * Markdown → canonical text: markdown-it gives the structure, parse5 reads any HTML inside it, and
 * both feed the same collector as `htmlToText`, so the two formats follow one set of rules (see
 * html.ts): blocks become paragraphs, soft line breaks become spaces, hard breaks line breaks, images
 * contribute nothing, links and code spans keep their text. Broken sentences are rejoined
 * (see `continuesBrokenSentence`).
 */
export function markdownToText(source: string): string {
  const collector = new TextBlockCollector();
  for (const token of markdown.parse(source, {})) appendBlockToken(collector, token);
  return blocksToCanonicalText(collector.finish());
}

function appendBlockToken(collector: TextBlockCollector, token: Token): void {
  switch (token.type) {
    case 'inline':
      return appendInline(collector, token.children ?? []);
    case 'html_block':
      return appendHtmlBlock(collector, token.content);
    case 'fence':
    case 'code_block':
      collector.openElement('pre');
      collector.appendText(token.content);
      return collector.closeElement();
    case 'hr':
      return collector.openElement('hr');
    default:
      // heading, paragraph, list, list item, blockquote, table parts: the token's tag is the element.
      if (token.nesting === 1) collector.openElement(token.tag);
      else if (token.nesting === -1) collector.closeElement();
  }
}

/** An HTML block is a block of its own; parsed alone, an unclosed tag in it cannot swallow what follows. */
function appendHtmlBlock(collector: TextBlockCollector, html: string): void {
  collector.openElement('div');
  collector.appendNodes(parseHtmlFragment(html));
  collector.closeElement();
}

function appendInline(collector: TextBlockCollector, children: readonly Token[]): void {
  if (children.some((child) => child.type === 'html_inline')) {
    // Inline HTML can open in one token and close in another, or never (`<u>**@INTERPOL\_HQ</u>**`):
    // parse5 must see the whole paragraph at once to balance it like a browser would.
    const html = markdown.renderer.renderInline([...children], markdown.options, {});
    return collector.appendNodes(parseHtmlFragment(html));
  }
  for (const child of children) appendInlineToken(collector, child);
}

function appendInlineToken(collector: TextBlockCollector, token: Token): void {
  switch (token.type) {
    case 'text':
    case 'code_inline':
      return collector.appendText(token.content);
    case 'softbreak':
      return collector.appendText('\n'); // collapses to one space
    case 'hardbreak':
      return collector.openElement('br');
    default:
      // Emphasis, links and strikethrough only wrap text; images contribute nothing (see html.ts).
      return;
  }
}
