import { createHash } from 'node:crypto';
import { HTML_REPORT_STYLE } from '@claimdesk/reports/render/html-style';
import { REPORT_STYLE_HASH, securityHeadersFor } from './security-headers';

const policyOf = (url: string): string => new Map(securityHeadersFor(url)).get('Content-Security-Policy') ?? '';

describe('securityHeadersFor', () => {
  it('sends the common headers for every kind of answer', () => {
    for (const url of ['/', '/api/v1/articles', '/api/v1/reports?format=html', '/api/docs', '/health']) {
      const headers = new Map(securityHeadersFor(url));
      expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(headers.get('Referrer-Policy')).toBe('same-origin');
      expect(headers.get('X-Frame-Options')).toBe('DENY');
      expect(headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
      expect(headers.get('Content-Security-Policy')).toContain("img-src 'self' data:");
      expect(headers.get('Content-Security-Policy')).not.toContain('unsafe-eval');
    }
  });

  it('allows no inline script or style in the UI', () => {
    expect(policyOf('/articles/1')).toContain("script-src 'self';");
    expect(policyOf('/articles/1')).toContain("style-src 'self';");
    expect(policyOf('/articles/1')).not.toContain('unsafe-inline');
  });

  it('gives both HTML reports no scripts and only their own style sheet', () => {
    const hash = `'sha256-${createHash('sha256').update(HTML_REPORT_STYLE).digest('base64')}'`;
    expect(REPORT_STYLE_HASH).toBe(hash);
    for (const url of ['/api/v1/articles/abc/report?format=html', '/api/v1/reports?from=2020-01-01&to=2021-01-01&format=html']) {
      expect(policyOf(url)).toContain("default-src 'none'");
      expect(policyOf(url)).toContain(`style-src ${hash}`);
    }
    expect(policyOf('/api/v1/articles/abc/reports-of-something')).not.toContain(hash);
  });

  it('lets the Swagger UI style inline, never script inline', () => {
    expect(policyOf('/api/docs')).toContain("style-src 'self' 'unsafe-inline'");
    expect(policyOf('/api/docs/swagger-ui-init.js')).toContain("script-src 'self';");
    expect(policyOf('/api/docsx')).not.toContain('unsafe-inline');
  });
});
