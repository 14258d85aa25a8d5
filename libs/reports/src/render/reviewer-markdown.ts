import MarkdownIt from 'markdown-it';
import { isWebUrl } from './links';

/**
 * Markdown written by reviewers (rationales, annotation bodies) as it appears in reports.
 * Raw HTML is not passed through (it is shown as text) and only http(s) links become links, so the
 * HTML report stays free of script.
 * Headings inside a rationale are moved down three levels, under the claim's own heading.
 */
const toHtml = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Links to the web only (no data:, mailto: or relative ones), and no images: a remote image in a
// report file would be fetched by whoever opens it.
toHtml.validateLink = isWebUrl;
toHtml.disable('image');
toHtml.core.ruler.push('demote_headings', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 3)}`;
    }
  }
  return true;
});

export function reviewerMarkdownToHtml(markdown: string): string {
  return toHtml.render(markdown);
}

const parser = new MarkdownIt({ html: false, linkify: false });

/**
 * The same Markdown as plain paragraphs (for the PDF): emphasis and code marks dropped, a link as
 * `text (url)`, list items with a bullet, one string per block.
 */
export function reviewerMarkdownToParagraphs(markdown: string): string[] {
  const paragraphs: string[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  let pendingMarker = '';
  for (const token of parser.parse(markdown, {})) {
    const list = lists[lists.length - 1];
    const indent = '   '.repeat(Math.max(0, lists.length - 1));
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      lists.push({ ordered: token.type === 'ordered_list_open', count: Number(token.attrGet('start') ?? 1) - 1 });
    } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      lists.pop();
    } else if (token.type === 'list_item_open' && list) {
      list.count++;
      pendingMarker = `${indent}${list.ordered ? `${list.count}.` : '•'} `;
    } else if (token.type === 'fence' || token.type === 'code_block') {
      paragraphs.push(token.content.replace(/\n$/, ''));
    } else if (token.type === 'inline') {
      const text = inlineText(token.children ?? []);
      if (text.trim()) paragraphs.push((pendingMarker || (lists.length ? `${indent}   ` : '')) + text);
      pendingMarker = '';
    }
  }
  return paragraphs;
}

function inlineText(children: readonly MarkdownIt.Token[]): string {
  let text = '';
  const links: string[] = [];
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        text += child.content;
        break;
      case 'softbreak':
        text += ' ';
        break;
      case 'hardbreak':
        text += '\n';
        break;
      case 'image':
        text += child.content;
        break;
      case 'link_open':
        links.push(String(child.attrGet('href') ?? ''));
        break;
      case 'link_close': {
        const href = links.pop();
        if (href && !text.endsWith(href)) text += ` (${href})`;
        break;
      }
      default:
        break;
    }
  }
  return text;
}
