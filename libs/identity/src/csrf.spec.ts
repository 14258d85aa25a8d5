import { isCrossSiteRisk } from './csrf';

const PUBLIC = 'https://desk.example';

describe(isCrossSiteRisk.name, () => {
  it('lets reads through whatever their origin', () => {
    expect(isCrossSiteRisk('GET', { origin: 'https://evil.example' }, 'http', PUBLIC)).toBe(false);
  });

  it.each([
    [{ origin: 'https://desk.example' }],
    [{ origin: 'https://desk.example:443' }],
    [{ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }],
    [{ 'sec-fetch-site': 'same-origin' }],
  ])('accepts a change from the desk itself: %p', (headers) => {
    expect(isCrossSiteRisk('POST', headers, 'http', PUBLIC)).toBe(false);
  });

  it.each([
    [{}],
    [{ origin: 'null' }],
    [{ origin: 'https://evil.example', host: 'desk.example' }],
    [{ origin: 'http://desk.example', host: 'desk.example:8080' }],
    [{ origin: 'https://desk.example.evil.example' }],
    [{ 'sec-fetch-site': 'same-site' }],
    [{ 'sec-fetch-site': 'cross-site' }],
  ])('refuses a change from elsewhere or of unknown origin: %p', (headers) => {
    expect(isCrossSiteRisk('DELETE', headers, 'http', PUBLIC)).toBe(true);
  });
});
