import { parseHTML } from 'linkedom';
import { htmlArticle } from './main-content';
import { cleanAuthors, cleanDate, cleanLanguage, cleanTitle, readPageMetadata, shownAuthors } from './page-metadata';

const page = (head: string, body = '<p>Text.</p>', lang = ''): Document =>
  parseHTML(`<!DOCTYPE html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body>${body}</body></html>`).document;

const jsonLd = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe(readPageMetadata.name, () => {
  it('reads a NewsArticle in JSON-LD: headline, people and organisations as authors, date, publisher, language', () => {
    const head = jsonLd({
      '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Interpol elects Kim Jong Yang',
      author: [{ '@type': 'Person', name: 'Ana Lima' }, { '@type': 'Organization', name: 'Reuters' }, 'By Joe Bloggs'],
      datePublished: '2018-11-21T10:00:00+01:00', publisher: { '@type': 'Organization', name: 'The Daily Example' }, inLanguage: 'en_GB',
    });
    expect(readPageMetadata(page(head))).toEqual({
      title: 'Interpol elects Kim Jong Yang', authors: ['Ana Lima', 'Reuters', 'Joe Bloggs'],
      publishedAt: '2018-11-21T09:00:00.000Z', language: 'en-GB', publisher: 'The Daily Example',
    });
  });

  it('finds the article in an @graph and resolves authors given by @id', () => {
    const head = jsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Example News' },
        { '@type': ['ReportageNewsArticle'], headline: 'Floods in Valencia', author: { '@id': '#ana' }, datePublished: '2024-10-30' },
        { '@type': 'Person', '@id': '#ana', name: 'Ana Lima' },
      ],
    });
    const metadata = readPageMetadata(page(head));
    expect(metadata).toMatchObject({ title: 'Floods in Valencia', authors: ['Ana Lima'], publishedAt: '2024-10-30T00:00:00.000Z' });
  });

  it('takes the headline from the article\'s <h1>, not from a site-logo <h1> that links home (failed on main: "V8", "evolve extension for Mercurial")', () => {
    const blog = page('<title>Outside the web: standalone WebAssembly binaries · V8</title>',
      '<header><h1><a href="/">V8</a></h1></header><article><h1>Outside the web: standalone WebAssembly binaries</h1><p>Text.</p></article>');
    expect(readPageMetadata(blog).title).toBe('Outside the web: standalone WebAssembly binaries');
    const docs = page('<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>',
      '<div class="header"><h1><a href="index.html"><span>evolve extension for Mercurial</span></a></h1></div><p>Text.</p>');
    expect(readPageMetadata(docs).title).toBe('Evolve: Shared Mutable History — evolve extension for Mercurial');
  });

  it('reads JSON-LD wrapped in a CDATA section, as some CMSs write it (failed on main: og:title taken instead of the headline)', () => {
    const article = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'How to watch the 21 best films of 2017' };
    for (const wrapped of [`<![CDATA[${JSON.stringify(article)}]]>`, `\n  //<![CDATA[\n${JSON.stringify(article)}\n//]]>\n`]) {
      const head = `<script type="application/ld+json">${wrapped}</script><meta property="og:title" content="The 21 best movies of 2017">`;
      expect(readPageMetadata(page(head)).title).toBe('How to watch the 21 best films of 2017');
    }
  });

  it('takes the JSON-LD name when its headline is a description the page never shows (encyclopedia pages; failed on main: "constitutional monarchy in Oceania")', () => {
    const head = jsonLd({ '@context': 'https://schema.org', '@type': 'Article', name: 'New Zealand', headline: 'constitutional monarchy in Oceania' }) +
      '<title>New Zealand - Wikipedia</title>';
    expect(readPageMetadata(page(head, '<h1>New Zealand</h1><p>Text.</p>')).title).toBe('New Zealand');
    const news = jsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle', name: 'Section front', headline: 'Floods in Valencia' });
    expect(readPageMetadata(page(news, '<h1>Floods in Valencia</h1>')).title).toBe('Floods in Valencia');
  });

  it('skips broken JSON-LD and reads OpenGraph and meta tags', () => {
    const head =
      '<script type="application/ld+json">{ broken</script>' +
      '<meta property="og:title" content="Vote count disputed"><meta property="og:site_name" content="Example News">' +
      '<meta property="article:published_time" content="2020-11-05T08:00:00Z">' +
      '<meta property="article:author" content="https://example.com/staff/ana"><meta name="author" content="Ana Lima">';
    expect(readPageMetadata(page(head, '<p>x</p>', 'pt-br'))).toEqual({
      title: 'Vote count disputed', authors: ['Ana Lima'], publishedAt: '2020-11-05T08:00:00.000Z', language: 'pt-BR', publisher: 'Example News',
    });
  });

  it('reads citation_*, Dublin Core, Parse.ly and Sailthru tags', () => {
    expect(readPageMetadata(page('<meta name="citation_author" content="Lima, Ana"><meta name="citation_author" content="Roe, Jo"><meta name="citation_publication_date" content="2019/03/01">')))
      .toMatchObject({ authors: ['Lima, Ana', 'Roe, Jo'], publishedAt: expect.stringMatching(/^2019-0[23]-/) });
    expect(readPageMetadata(page('<meta name="DC.creator" content="Ana Lima"><meta name="dc.date" content="2019-03-01">')))
      .toMatchObject({ authors: ['Ana Lima'], publishedAt: '2019-03-01T00:00:00.000Z' });
    expect(readPageMetadata(page('<meta name="parsely-author" content="Ana Lima"><meta name="parsely-pub-date" content="2019-03-01T12:00:00Z">')))
      .toMatchObject({ authors: ['Ana Lima'], publishedAt: '2019-03-01T12:00:00.000Z' });
    expect(readPageMetadata(page('<meta name="sailthru.author" content="Ana Lima"><meta name="sailthru.date" content="2019-03-01 12:00:00">')))
      .toMatchObject({ authors: ['Ana Lima'] });
  });

  it('takes the <title> without its site name, and never "Skip to content"', () => {
    expect(readPageMetadata(page('<title>Skip to content</title>')).title).toBeNull();
    expect(readPageMetadata(page('<title>Prices rose 9% in May | Example News</title><meta property="og:site_name" content="Example News">')).title)
      .toBe('Prices rose 9% in May');
    expect(readPageMetadata(page('<title>Example News - Prices rose 9% in May</title>', '<h1>Prices rose 9% in May</h1>')).title)
      .toBe('Prices rose 9% in May');
  });

  it('reads Dublin Core written as RDFa properties (dc:title, dcterms:title, dc:creator), as a page\'s only title (failed on main: the <title> "Title Element" taken instead)', () => {
    expect(readPageMetadata(page('<title>Title Element</title><meta property="x:title dc:title" content="My title"><meta property="dc:creator" content="Ana Lima">')))
      .toMatchObject({ title: 'My title', authors: ['Ana Lima'] });
    expect(readPageMetadata(page('<title>Title Element</title><meta property="dcterms:title" content="My title">')).title).toBe('My title');
  });

  it('takes Dublin Core\'s RDFa property (dc:title) over its older name form (DC.title) when a page gives both (failed on main: the DC.title taken)', () => {
    const head = '<meta name="DC.title" content="Council library vote"><meta property="dc:title" content="Council votes to close the library">' +
      '<meta name="DCTERMS.title" content="Library vote"><meta property="dcterms:title" content="Council votes to close the library">';
    expect(readPageMetadata(page(head)).title).toBe('Council votes to close the library');
    expect(readPageMetadata(page(head.replace(/<meta name="DC.title"[^>]*><meta property="dc:title"[^>]*>/, ''))).title).toBe('Council votes to close the library');
  });

  it('trusts a bibliographic title (citation_title, Dublin Core) over a social-card one (og:title, twitter:title) (failed on main: the og:title taken)', () => {
    const head = '<meta property="og:title" content="You won\'t believe what the council voted"><meta name="twitter:title" content="Council vote">' +
      '<meta name="DC.title" content="Council votes to close the library">';
    expect(readPageMetadata(page(head)).title).toBe('Council votes to close the library');
    const journal = '<meta property="og:title" content="Read our new paper!"><meta name="citation_title" content="Sea levels along the Pacific coast, 1900–2020">';
    expect(readPageMetadata(page(journal)).title).toBe('Sea levels along the Pacific coast, 1900–2020');
  });

  it('drops the site\'s name after a full-width or unspaced separator, as Japanese and Chinese sites write it (failed on main: "…が受賞：朝日新聞デジタル" kept whole)', () => {
    const asahi = page('<title>メディア芸術祭賞、「チコちゃんに叱られる！」が受賞：朝日新聞デジタル</title><meta property="og:site_name" content="朝日新聞デジタル">');
    expect(readPageMetadata(asahi).title).toBe('メディア芸術祭賞、「チコちゃんに叱られる！」が受賞');
    const getnews = page('<title>気軽に新聞をスクラップできる「ペン」、CUTPEN ｜ ガジェット通信 GetNews</title><meta property="og:site_name" content="ガジェット通信 GetNews">');
    expect(readPageMetadata(getnews).title).toBe('気軽に新聞をスクラップできる「ペン」、CUTPEN');
    const blog = page('<title>マインドマップ風のツリーを描画できる「Treeviz」:phpspot開発日誌</title><meta property="og:site_name" content="phpspot開発日誌">');
    expect(readPageMetadata(blog).title).toBe('マインドマップ風のツリーを描画できる「Treeviz」');
    const agency = page('<title>ゴールデンウィークにおける情報セキュリティに関する注意喚起：IPA 独立行政法人 情報処理推進機構</title>',
      '<h1>ゴールデンウィークにおける情報セキュリティに関する注意喚起</h1><p>Text.</p>');
    expect(readPageMetadata(agency).title).toBe('ゴールデンウィークにおける情報セキュリティに関する注意喚起');
  });

  it('does not take a site\'s name from an <h1> that is the short end of the <title> (blogs, Chinese portals; failed on main: "好奇心日报", "Jo\'s notes")', () => {
    const portal = page('<title>这个约会软件，想用你和对方的相似好恶来帮你找对象_智能_好奇心日报</title>', '<h1 class="hidden">好奇心日报</h1><p>Text.</p>');
    expect(readPageMetadata(portal).title).toBe('这个约会软件，想用你和对方的相似好恶来帮你找对象');
    const blog = page('<title>Jo\'s notes - Factory passwords are not identifiers, says the regulator</title>', '<h1>Jo\'s notes</h1><h2>Factory passwords</h2><p>Text.</p>');
    expect(readPageMetadata(blog).title).toBe('Factory passwords are not identifiers, says the regulator');
    const shortHeadline = page('<title>Arbeit - Bündnis 90/Die Grünen</title><meta property="og:site_name" content="Bündnis 90/Die Grünen">', '<h1>Arbeit</h1>');
    expect(readPageMetadata(shortHeadline).title).toBe('Arbeit');
    const byAuthor = page('<title>On Recent Controversial Events - Bradley M. Kuhn ( Brad ) ( bkuhn )</title>', '<h1>On Recent Controversial Events</h1>');
    expect(readPageMetadata(byAuthor).title).toBe('On Recent Controversial Events');
  });

  it('trusts a bibliographic creator (Dublin Core) over a generic author tag, as it does for the title (failed on main: the name="author" taken)', () => {
    expect(readPageMetadata(page('<meta property="dc:creator" content="Ana Lima"><meta name="author" content="Site Desk">')).authors).toEqual(['Ana Lima']);
    expect(readPageMetadata(page('<meta name="author" content="Site Desk"><meta name="DC.creator" content="Ana Lima">')).authors).toEqual(['Ana Lima']);
  });

  it('drops a bare "By" that names nobody from the authors (failed on main: authors ["By"])', () => {
    expect(readPageMetadata(page('<meta name="author" content="By">')).authors).toEqual([]);
    expect(cleanAuthors(['By:', 'Par', 'By: Ana Lima', 'Parker Roe'])).toEqual(['Ana Lima', 'Parker Roe']);
  });

  it('reads the date a page shows only in a <time datetime> element, the article\'s before the rest of the page (failed on main: no date)', () => {
    const body = '<header><time datetime="2024-01-02T08:00:00Z">Today</time></header>' +
      '<article><h1>Floods in Valencia</h1><time class="date" datetime="2016-08-10T11:15:53+00:00">Aug 10, 2016</time><p>Text.</p></article>';
    expect(readPageMetadata(page('', body)).publishedAt).toBe('2016-08-10T11:15:53.000Z');
    expect(readPageMetadata(page('', '<p>Posted <time datetime="2019-04-13T16:08:44+09:00">April 13</time></p>')).publishedAt).toBe('2019-04-13T07:08:44.000Z');
    expect(readPageMetadata(page('<meta property="article:published_time" content="2020-11-05T08:00:00Z">', body)).publishedAt).toBe('2020-11-05T08:00:00.000Z');
  });

  it('reads OpenGraph\'s article date written as og:article:published_time (failed on main: no date)', () => {
    expect(readPageMetadata(page('<meta property="og:article:published_time" content="2019-05-07T11:59:43+00:00">')).publishedAt).toBe('2019-05-07T11:59:43.000Z');
  });

  it('leaves out what the page does not state', () => {
    expect(readPageMetadata(page(''))).toEqual({ title: null, authors: [], publishedAt: null, language: null, publisher: null });
  });
});

describe('authors an imported page marks in its byline', () => {
  const story = '<p>' + 'The council voted on Tuesday to close the library, citing costs that have doubled since 2019. '.repeat(8) + '</p>';
  const imported = (header: string): string[] => htmlArticle(`<!DOCTYPE html><html><head><title>Council closes the library</title></head><body>${header}` +
    `<article>${story}${story}</article></body></html>`).metadata.authors;
  const entryHeader = (names: string): string => `<div class="entry-header"><h1>Council closes the library after a vote on Tuesday night, its costs having doubled</h1>` +
    `<p class="entry-meta">Posted in City Hall, ${names}</p></div>`;

  it('reads rel="author" links and itemprop="author" in a header Readability skips as page chrome (WordPress "entry-header"; failed on main: no authors)', () => {
    expect(imported(entryHeader('<a href="/author/ana-lima/" rel="author">Ana Lima</a> and <a href="/author/jo-roe/" rel="author">Jo Roe</a>'))).toEqual(['Ana Lima', 'Jo Roe']);
    expect(imported(entryHeader('<span itemprop="author" itemscope><span itemprop="name">Ana Lima</span></span>'))).toEqual(['Ana Lima']);
  });

  it('keeps Readability\'s own byline first', () => {
    expect(imported('<h1>Council closes the library</h1><p class="byline">By Ana Lima</p>')).toEqual(['Ana Lima']);
  });

  it('takes the first byline\'s authors, none from a "more stories" list, an aside, a footer or a menu', () => {
    const more = '<section><h2>More stories</h2><p><a rel="author" href="/author/kim">Kim Ode</a></p><p><a rel="author" href="/author/lee">Lee Park</a></p></section>';
    const doc = (body: string): Document => parseHTML(`<!DOCTYPE html><html><body>${body}</body></html>`).document;
    expect(shownAuthors(doc(`${entryHeader('<a rel="author" href="/author/ana-lima/">Ana Lima</a>')}<article>${story}</article>${more}`))).toEqual(['Ana Lima']);
    expect(shownAuthors(doc(`<nav><a rel="author" href="/author/kim">Kim Ode</a></nav><article>${story}</article><aside><a rel="author" href="/author/lee">Lee Park</a></aside><footer><a rel="author" href="/">Site team</a></footer>`))).toEqual([]);
  });
});

describe(cleanTitle.name, () => {
  it.each([
    ['Headline of the day | Site', 'Site', 'Headline of the day'],
    ['Headline of the day - Site', 'Site', 'Headline of the day'],
    ['The Site — Headline of the day', 'the site', 'Headline of the day'],
    ['Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault', null, 'Get your Frontend JavaScript Code Covered'],
    ['Brexit: what happens next', null, 'Brexit: what happens next'],
    ['Xbox One X review: A console that keeps up', null, 'Xbox One X review: A console that keeps up'],
    ['Just one title', 'Site', 'Just one title'],
  ])('%s → %s', (title, site, expected) => {
    expect(cleanTitle(title, site)).toBe(expected);
  });

  it('drops a site\'s name in brackets at the end of a composed title (failed on main: "… | My Hero Academia [Archive of Our Own]" kept)', () => {
    expect(cleanTitle('Conversations - Chapter 1 - Jo Roe | Boku no Hero Academia [Archive of Our Own]', null)).toBe('Conversations - Chapter 1 - Jo Roe | Boku no Hero Academia');
    expect(cleanTitle('Floods in Valencia [Example News]', 'Example News')).toBe('Floods in Valencia');
    expect(cleanTitle('Why [redacted] matters', null)).toBe('Why [redacted] matters');
    expect(cleanTitle('The vote [Updated]', null)).toBe('The vote [Updated]');
  });

  it('counts the words of Chinese and Japanese text, written without spaces (failed on main: a long last part counted as one word and dropped, a three-character site name kept)', () => {
    expect(cleanTitle('JVNDB-2018-013542 - JVN iPedia - 脆弱性対策情報データベース', null)).toBe('JVNDB-2018-013542 - JVN iPedia - 脆弱性対策情報データベース');
    expect(cleanTitle('高木浩光＠自宅の日記 - 改正NICT法がプチ炎上、工場出荷時共通初期パスワードが識別符号に当たらないことが理解されていない', null))
      .toBe('高木浩光＠自宅の日記 - 改正NICT法がプチ炎上、工場出荷時共通初期パスワードが識別符号に当たらないことが理解されていない');
    expect(cleanTitle('Breaking news about the vote - Jo Roe', null)).toBe('Breaking news about the vote');
    expect(cleanTitle('DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网', null)).toBe('DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶');
  });

  it('splits a Chinese title at underscores, as Chinese sites join headline, section and site (failed on main: "…找对象_智能_好奇心日报" kept whole)', () => {
    expect(cleanTitle('这个约会软件，想用你和对方的相似好恶来帮你找对象_智能_好奇心日报', null)).toBe('这个约会软件，想用你和对方的相似好恶来帮你找对象');
    expect(cleanTitle('DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网', null, ['DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶']))
      .toBe('DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶');
    expect(cleanTitle('Why snake_case beats camelCase in Python', null)).toBe('Why snake_case beats camelCase in Python');
  });

  it('prefers the segment that is the page heading', () => {
    expect(cleanTitle('Site | Section | A long headline about the vote', null, ['A long headline about the vote'])).toBe('A long headline about the vote');
  });
});

describe('cleaning values', () => {
  it('normalises dates to ISO 8601 UTC, or gives null', () => {
    expect(cleanDate('2015-07-24T05:36:09+0100')).toBe('2015-07-24T04:36:09.000Z');
    expect(cleanDate('2017-11-03 03:01:00.000000')).toMatch(/^2017-11-0[23]T/);
    expect(cleanDate('Tue, 02 Jul 2013 10:00:00 GMT')).toBe('2013-07-02T10:00:00.000Z');
    expect(cleanDate('2018-10-29T10:15-500')).toBe('2018-10-29T15:15:00.000Z'); // an offset without its zero (failed on main: null)
    expect(cleanDate('2016-11-28 16:23:00 -0500')).toBe('2016-11-28T21:23:00.000Z'); // a space before the offset (failed on main: null)
    expect(cleanDate('yesterday')).toBeNull();
    expect(cleanDate('0001-01-01')).toBeNull();
  });

  it('normalises language tags to BCP 47, or gives null', () => {
    expect(cleanLanguage('en_us')).toBe('en-US');
    expect(cleanLanguage('EN')).toBe('en');
    expect(cleanLanguage('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(cleanLanguage('english')).toBeNull();
  });

  it('drops "By", profile links and duplicates from authors', () => {
    expect(cleanAuthors(['By Ana Lima', 'https://example.com/ana', 'ana lima', ' Jo  Roe '])).toEqual(['Ana Lima', 'Jo Roe']);
  });
});
