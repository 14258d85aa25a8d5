import { type QuoteType, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** What `readMarkup` tells of a page, in document order. */
export interface MarkupEvents {
  /** `<!doctype html>` and the like: `name` is `!doctype`, `data` the whole declaration. */
  declaration?(name: string, data: string): void;
  open(name: string, attributes: Record<string, string>): void;
  /** `end`: where the text ends in the page (an entity's character is an event of its own). */
  text(text: string, end: number): void;
  close(name: string): void;
}

export interface MarkupOptions {
  decodeEntities: boolean;
  lowerCaseAttributeNames: boolean;
}

/**
 * Reads an HTML page as htmlparser2's Parser does (the parser linkedom uses, so the desk's DOM nests
 * as linkedom's does), from the same Tokenizer, event for event. Only the open-element stack differs:
 * htmlparser2 keeps its top at the front of an array, so each element opened or closed costs the depth
 * it is at, and markup nested thousands deep took seconds (5,000 unclosed `<div>`: 1.9 s; 50,000:
 * 20 s). Here the top is at the end, and an end tag with no open element of its name is dismissed
 * without a search: the page is read in time linear in its size.
 */
export function readMarkup(html: string, events: MarkupEvents, options: MarkupOptions): void {
  const reader = new MarkupReader(html, events, options.lowerCaseAttributeNames);
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: options.decodeEntities }, reader);
  tokenizer.write(html);
  tokenizer.end();
}

const FORM_CONTROLS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const PARAGRAPH = new Set(['p']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);
const DEFINITIONS = new Set(['dd', 'dt']);
const RUBY = new Set(['rt', 'rp']);

/** Opening the key closes the open elements on top of the stack while they are named in its set. */
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name): [string, ReadonlySet<string>] => [name, FORM_CONTROLS]),
  ...['dd', 'dt'].map((name): [string, ReadonlySet<string>] => [name, DEFINITIONS]),
  ...['rt', 'rp'].map((name): [string, ReadonlySet<string>] => [name, RUBY]),
  ...['tbody', 'tfoot'].map((name): [string, ReadonlySet<string>] => [name, TABLE_SECTIONS]),
  ...[
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset',
    'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul',
  ].map((name): [string, ReadonlySet<string>] => [name, PARAGRAPH]),
]);

/** Elements with no end tag: the parser closes them as it opens them (and so do the desk's writers of HTML). */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);

/** Inside these, `<x/>` closes itself (SVG, MathML)… */
const FOREIGN = new Set(['math', 'svg']);
/** …and inside these again it does not. */
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

class MarkupReader implements TokenizerCallbacks {
  /** The open elements, innermost last, and how many of each name are open. */
  private readonly stack: string[] = [];
  private readonly openByName = new Map<string, number>();
  /** Whether `<x/>` closes itself here, innermost last. */
  private readonly foreign: boolean[] = [false];
  private tagName = '';
  private attributeName = '';
  private attributeValue = '';
  private attributes: Record<string, string> | null = null;

  constructor(
    private readonly html: string,
    private readonly events: MarkupEvents,
    private readonly lowerCaseAttributeNames: boolean,
  ) {}

  ontext(start: number, end: number): void {
    this.events.text(this.html.slice(start, end), end);
  }

  ontextentity(codePoint: number, end: number): void {
    this.events.text(String.fromCodePoint(codePoint), end);
  }

  onopentagname(start: number, end: number): void {
    this.openTag(this.html.slice(start, end).toLowerCase());
  }

  onattribname(start: number, end: number): void {
    const name = this.html.slice(start, end);
    this.attributeName = this.lowerCaseAttributeNames ? name.toLowerCase() : name;
  }

  onattribdata(start: number, end: number): void {
    this.attributeValue += this.html.slice(start, end);
  }

  onattribentity(codePoint: number): void {
    this.attributeValue += String.fromCodePoint(codePoint);
  }

  /** The first of two attributes of one name wins. */
  onattribend(_quote: QuoteType): void {
    if (this.attributes !== null && !Object.prototype.hasOwnProperty.call(this.attributes, this.attributeName)) {
      this.attributes[this.attributeName] = this.attributeValue;
    }
    this.attributeValue = '';
  }

  onopentagend(): void {
    this.endOpenTag();
  }

  onselfclosingtag(): void {
    if (this.foreign[this.foreign.length - 1] === true) this.closeCurrentTag();
    else this.endOpenTag();
  }

  onclosetag(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    if (FOREIGN.has(name) || HTML_INTEGRATION.has(name)) this.foreign.pop();
    if (VOID_ELEMENTS.has(name)) {
      // `</br>` is read as `<br>`; other void end tags are ignored.
      if (name === 'br') {
        this.events.open('br', {});
        this.events.close('br');
      }
      return;
    }
    if ((this.openByName.get(name) ?? 0) > 0) {
      let closed: string | undefined;
      do closed = this.pop();
      while (closed !== name);
    } else if (name === 'p') {
      // `</p>` with no open paragraph is an empty one.
      this.openTag('p');
      this.closeCurrentTag();
    }
  }

  ondeclaration(start: number, end: number): void {
    const data = this.html.slice(start, end);
    this.events.declaration?.(`!${instructionName(data)}`, `!${data}`);
  }

  onprocessinginstruction(start: number, end: number): void {
    const data = this.html.slice(start, end);
    this.events.declaration?.(`?${instructionName(data)}`, `?${data}`);
  }

  oncomment(): void {
    // Comments are not part of what the desk reads.
  }

  oncdata(): void {
    // In HTML, CDATA is a comment.
  }

  onend(): void {
    while (this.stack.length > 0) this.pop();
  }

  private openTag(name: string): void {
    this.tagName = name;
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes !== undefined) {
      while (this.stack.length > 0 && closes.has(this.stack[this.stack.length - 1] as string)) this.pop();
    }
    if (!VOID_ELEMENTS.has(name)) {
      this.stack.push(name);
      this.openByName.set(name, (this.openByName.get(name) ?? 0) + 1);
      if (FOREIGN.has(name)) this.foreign.push(true);
      else if (HTML_INTEGRATION.has(name)) this.foreign.push(false);
    }
    this.attributes = {};
  }

  private endOpenTag(): void {
    if (this.attributes !== null) {
      this.events.open(this.tagName, this.attributes);
      this.attributes = null;
    }
    if (VOID_ELEMENTS.has(this.tagName)) this.events.close(this.tagName);
    this.tagName = '';
  }

  /** `<x/>` in SVG or MathML: opened and closed at once. */
  private closeCurrentTag(): void {
    const name = this.tagName;
    this.endOpenTag();
    if (this.stack[this.stack.length - 1] === name) this.pop();
  }

  private pop(): string | undefined {
    const name = this.stack.pop();
    if (name === undefined) return undefined;
    this.openByName.set(name, (this.openByName.get(name) as number) - 1);
    this.events.close(name);
    return name;
  }
}

/** `doctype html` → `doctype`: up to the first space or slash, in lower case. */
function instructionName(data: string): string {
  const end = data.search(/\s|\//);
  return (end < 0 ? data : data.slice(0, end)).toLowerCase();
}
