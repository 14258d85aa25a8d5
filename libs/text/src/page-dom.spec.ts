import { parseHTML } from 'linkedom';
import { classTokens, inlineStyle, PageElement, PageParent, parsePage, readPage, remembered } from './page-dom';
import { stripPage } from './strip-page';

/** The shape of a tree: names, attributes and text nodes one by one (linkedom does not merge them). */
function shape(node: { childNodes: ArrayLike<unknown> }): unknown[] {
  return Array.from(node.childNodes as ArrayLike<{ nodeType: number; nodeName: string; textContent: string | null; attributes?: ArrayLike<{ name: string; value: string }>; childNodes: ArrayLike<unknown> }>, (child) =>
    child.nodeType === 3 ? child.textContent : [child.nodeName, Array.from(child.attributes ?? [], (a) => `${a.name}=${a.value}`), shape(child)]);
}

const SAMPLE = '<!DOCTYPE html><html lang="en"><head><title>A &amp; B</title><meta property="og:title" content="X"></head>' +
  '<body><p class="  lead  lead story">One<div>Two &lt;3</div><ul><li>a<li>b</ul><table><tr><td>c<td>d</table>' +
  '<p>Three &amp; <b>four</b><br>five</body></html>';

describe(readPage.name, () => {
  it('reads in one pass the document that the stripped page gives: text joined where dropped markup was, entities apart', () => {
    const page = '<!DOCTYPE html><html><head><title>T</title><script>var x = "<p>";</script></head><body>' +
      '<p>One <!-- c --> two<script>x</script> three &amp;<style>p{}</style> four &lt;5</script> six</p>' +
      '<div class=" a  b a">x<noscript><p>Enable</p></noscript>y<svg><text>z</text></svg>&quot;w</div><?php echo 1 ?>tail</body></html>';
    expect(shape(readPage(page))).toEqual(shape(parsePage(stripPage(page))));
    expect((readPage(page).querySelector('p') as PageElement).childNodes.map((n) => n.textContent)).toEqual(['One  two three ', '&', ' four ', '<', '5 six']);
  });
});

describe(parsePage.name, () => {
  it('builds the tree linkedom builds from the same page: implied end tags, entities, one text node per parser event', () => {
    // The doctype is left out (linkedom keeps it as a node; nothing reads it).
    const root = (document: { documentElement: unknown }): unknown[] => shape({ childNodes: [document.documentElement] });
    expect(root(parsePage(SAMPLE))).toEqual(root(parseHTML(SAMPLE).document));
  });

  it('reads as linkedom does: title, classes, ids, names, text', () => {
    const page = parsePage(SAMPLE);
    const dom = parseHTML(SAMPLE).document;
    expect(page.title).toBe(dom.title);
    const [ours, theirs] = [page.querySelector('p'), dom.querySelector('p')];
    expect([ours?.className, ours?.id, ours?.tagName, ours?.localName]).toEqual([theirs?.className, theirs?.id, theirs?.tagName, theirs?.localName]);
    expect(page.body.textContent).toBe(dom.body.textContent);
    expect(page.body.innerHTML).toBe(dom.body.innerHTML);
  });

  it('creates a missing <head> and <body> where linkedom does', () => {
    const page = parsePage('<p>Only a paragraph</p>');
    const dom = parseHTML('<p>Only a paragraph</p>').document;
    expect([page.body.nodeName, page.head.nodeName]).toEqual([dom.body.nodeName, dom.head.nodeName]);
    expect(shape(page)).toEqual(shape(dom));
  });

  it('compares names as linkedom does: getElementsByTagName exactly (or upper case), selectors ignoring case', () => {
    const page = parsePage('<html><body><div id="a"></div></body>');
    const div = page.querySelector('#a') as PageElement;
    div.appendChild(page.createElement('P'));
    div.appendChild(page.createElement('p'));
    expect([div.getElementsByTagName('p').length, div.getElementsByTagName('P').length, div.querySelectorAll('p').length]).toEqual([1, 2, 2]);
  });

  it('answers for the subtree as it is now: text and elements follow every change under a node', () => {
    const page = parsePage('<html><body><div><section><p>One</p><p>Two</p></section></div></body>');
    const div = page.querySelector('div') as PageElement;
    expect([div.textContent, div.getElementsByTagName('p').length]).toEqual(['OneTwo', 2]);
    const second = div.querySelectorAll('p')[1] as PageElement;
    second.remove();
    expect([div.textContent, div.getElementsByTagName('p').length]).toEqual(['One', 1]);
    const section = div.querySelector('section') as PageElement;
    section.insertBefore(second, section.firstChild);
    expect([div.textContent, div.querySelectorAll('p').map((p) => p.textContent)]).toEqual(['TwoOne', ['Two', 'One']]);
    const replacement = page.createElement('h2');
    replacement.appendChild(page.createTextNode('Three'));
    section.replaceChild(replacement, second);
    expect([div.textContent, div.querySelectorAll('p, h2').map((e) => e.nodeName)]).toEqual(['ThreeOne', ['H2', 'P']]);
  });

  it('lists elements of several names in document order', () => {
    const page = parsePage('<html><body><h2>a</h2><p>b</p><h1>c</h1><div><h2>d</h2></div></body>');
    expect(page.body.querySelectorAll('h1,h2').map((h) => h.textContent)).toEqual(['a', 'c', 'd']);
    expect(page.body.getElementsByTagName('*').length).toBe(5);
  });

  it('forgets what was remembered of a subtree when it or an attribute in it changes', () => {
    const page = parsePage('<html><body><div><a href="#x">link</a> text</div></body>');
    const div = page.querySelector('div') as PageElement;
    let computed = 0;
    const hrefs = (): string => remembered(div, 'hrefs', () => {
      computed++;
      return div.querySelectorAll('a').map((a) => a.getAttribute('href')).join();
    });
    expect([hrefs(), hrefs(), computed]).toEqual(['#x', '#x', 1]);
    (div.querySelector('a') as PageElement).setAttribute('href', '/y');
    expect([hrefs(), computed]).toEqual(['/y', 2]);
    div.appendChild(page.createTextNode('!'));
    expect([hrefs(), computed]).toEqual(['/y', 3]);
    expect(remembered({}, 'any', () => 'not a page node')).toBe('not a page node');
  });

  it('reads the text of markup nested far deeper than the call stack', () => {
    const depth = 200_000;
    const page = parsePage(`<html><body>${'<span>'.repeat(depth)}deep${'</span>'.repeat(depth)}</body>`);
    expect(page.body.textContent).toBe('deep');
    expect((page.body.firstChild as PageParent).getElementsByTagName('span').length).toBe(depth - 1);
  });

  // On main `<div>` repeated 5,000 times (32 KB) took 7 s of CPU to import: Readability asks every
  // block about its whole subtree, and each was thousands deep.
  it('nests at most 64 deep, keeping every word of deeper markup in order in the element at the limit', () => {
    const depth = 2_000;
    const words = Array.from({ length: depth }, (_, i) => `w${i} `);
    const page = parsePage(`<html><body>${words.map((word) => `<div>${word}`).join('')}${'tail</div>'.repeat(depth)}</body>`);
    expect(page.body.textContent).toBe(`${words.join('')}${'tail'.repeat(depth)}`);
    // html, body, 62 divs: 64 deep; the deeper divs are added, empty, to the 64th.
    let deepest = 0;
    for (let node: PageParent | null = page.documentElement; node !== null; node = node.lastElementChild) deepest++;
    expect(deepest).toBe(64 + 1);
    expect(page.body.getElementsByTagName('div').filter((div) => div.firstChild === null).length).toBe(depth - 62);
    expect(page.body.getElementsByTagName('div').length).toBe(depth);
  });

  it('sets innerHTML by parsing it in place, and serialises it back', () => {
    const page = parsePage('<html><body><div><p>Old</p></div></body>');
    const div = page.querySelector('div') as PageElement;
    expect(page.body.textContent).toBe('Old');
    div.innerHTML = '<p class="x">New &amp; <b>bold</b></p><br>';
    expect([page.body.textContent, div.innerHTML]).toEqual(['New & bold', '<p class="x">New &amp; <b>bold</b></p><br>']);
  });
});

describe(classTokens.name, () => {
  it.each(['story', '  lead  lead story ', 'a\tb\na', ''])('stores %j as linkedom does', (value) => {
    const element = parseHTML(`<html><body><p class="${value}">x</p></body></html>`).document.querySelector('p');
    expect(classTokens(value)).toBe(element?.getAttribute('class'));
  });
});

describe(inlineStyle.name, () => {
  it.each(['display: none', 'color: red; DISPLAY:none', 'display:block;display : none ;', 'visibility:hidden; background: url(a:b)', ''])('reads %j as linkedom does', (value) => {
    const element = parseHTML(`<html><body><p style="${value}">x</p></body></html>`).document.querySelector('p') as HTMLElement;
    const ours = parsePage(`<html><body><p style="${value}">x</p></body></html>`).querySelector('p') as PageElement;
    expect([inlineStyle(value).get('display') ?? '', ours.style.display, ours.style.visibility]).toEqual([element.style.display, element.style.display, element.style.visibility]);
  });
});
