import { pageTitle } from './page-title';

describe('pageTitle', () => {
  it('reads the title, entities decoded, markup and line breaks gone', () => {
    expect(pageTitle('<html><head><TITLE lang="en">Caf&eacute;\n  &amp; <b>Bar</b></TITLE></head></html>')).toBe('Café & Bar');
  });
  it('is null without a title or with an empty one', () => {
    expect(pageTitle('<p>no title</p>')).toBeNull();
    expect(pageTitle('<title>  </title>')).toBeNull();
  });
});
