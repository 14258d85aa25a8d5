/**
 * A news page as a newsroom's site serves it: metadata in JSON-LD, OpenGraph and meta tags, and the
 * article among navigation, a share bar, related links, comments and a footer. For tests of the
 * main-content extraction (unit and e2e).
 */
export const ARTICLE_PARAGRAPHS: readonly string[] = [
  'Interpol has elected South Korea’s Kim Jong Yang as its president, rejecting a Russian candidate that critics said would have allowed Moscow to abuse the police organisation to pursue its political opponents.',
  'Alexander Prokopchuk, a major general in Russia’s interior ministry, had been the favourite to win the vote at the organisation’s general assembly in Dubai, which took place on Wednesday.',
  'Several countries, including the United States and Britain, had lobbied hard against him, and a group of senators warned that they would act if Prokopchuk was elected.',
  'Kim will serve until 2020, completing the four-year term of his predecessor, who was detained in China in September and later resigned.',
];

export const PAGE_CHROME: readonly string[] = [
  'Skip to content', 'World', 'Business', 'Share on Facebook', 'Share on Twitter', 'Most read today',
  'Ten things to do this weekend', 'Sign in to comment', 'Terms of use', 'Privacy policy',
];

/** `extra`: markup placed inside the article body, after its first paragraph. */
export function newsPage(extra = ''): string {
  const [first, ...rest] = ARTICLE_PARAGRAPHS;
  return `<!DOCTYPE html>
<html lang="en-gb">
<head>
  <meta charset="utf-8">
  <title>Interpol elects South Korea’s Kim Jong Yang as president | World | The Daily Example</title>
  <meta property="og:title" content="Interpol elects South Korea’s Kim Jong Yang as president">
  <meta property="og:site_name" content="The Daily Example">
  <meta property="article:author" content="https://example.com/profile/ana-lima">
  <meta name="author" content="Ana Lima">
  <script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Interpol elects South Korea’s Kim Jong Yang as president',
    author: { '@type': 'Person', name: 'Ana Lima' }, datePublished: '2018-11-21T10:00:00Z',
    publisher: { '@type': 'Organization', name: 'The Daily Example' },
  })}</script>
  <script>window.analytics = { page: "article" };</script>
</head>
<body>
  <a class="skip-link" href="#main">Skip to content</a>
  <header class="site-header"><nav class="menu"><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
  <main id="main">
    <article class="article">
      <h1>Interpol elects South Korea’s Kim Jong Yang as president</h1>
      <p class="byline">By <a rel="author" href="/profile/ana-lima">Ana Lima</a>, <time datetime="2018-11-21T10:00:00Z">21 November 2018</time></p>
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
      <div class="article-body">
        <p>${first}</p>
        ${extra}
        ${rest.map((p) => `<p>${p}</p>`).join('\n        ')}
      </div>
    </article>
    <aside class="related"><h2>Most read today</h2><ul><li><a href="/a">Ten things to do this weekend</a></li><li><a href="/b">Markets close higher</a></li></ul></aside>
    <section class="comments"><a href="/login">Sign in to comment</a></section>
  </main>
  <footer class="site-footer"><a href="/terms">Terms of use</a> · <a href="/privacy">Privacy policy</a> · © The Daily Example</footer>
</body>
</html>`;
}
