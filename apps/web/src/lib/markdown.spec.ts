import { renderMarkdown } from './markdown';

describe(renderMarkdown.name, () => {
  it('shows raw HTML as text instead of running it', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)> <script>alert(1)</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
  });

  it('opens links without an opener and refuses javascript: links', () => {
    expect(renderMarkdown('[Interpol](https://www.interpol.int)')).toContain('rel="noopener noreferrer"');
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href="javascript');
  });

  it('renders emphasis and lists', () => {
    expect(renderMarkdown('**sure**\n\n- one')).toMatch(/<strong>sure<\/strong>[\s\S]*<li>one<\/li>/);
  });

  it('links mentions of known people, by address or name, but not in code or when unknown', () => {
    const people = [{ id: '1', email: 'ana@desk.example', displayName: 'Ana López' }];
    const html = renderMarkdown('Ask @ANA@desk.example, @[ana lópez] and @[Nobody]; `@[Ana López]`', people);
    expect(html.match(/<a [^>]*class="mention"[^>]*>@Ana López<\/a>/g)).toHaveLength(2);
    expect(html).toContain('href="mailto:ana@desk.example"');
    expect(html).toContain('@[Nobody]');
    expect(html).toContain('<code>@[Ana López]</code>');
  });
});
