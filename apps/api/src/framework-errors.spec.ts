import { clientErrorProblem, rawProblemResponse } from './framework-errors';

const clientError = (code: string, rawPacket?: string): Error & { code: string; rawPacket?: Buffer } =>
  Object.assign(new Error(code), { code, rawPacket: rawPacket === undefined ? undefined : Buffer.from(rawPacket, 'latin1') });

describe('clientErrorProblem', () => {
  it('tells a URL too long from headers too large', () => {
    expect(clientErrorProblem(clientError('HPE_HEADER_OVERFLOW', `GET /api/v1/articles?q=${'a'.repeat(20_000)}`))?.code).toBe('uri_too_long');
    expect(clientErrorProblem(clientError('HPE_HEADER_OVERFLOW', `GET / HTTP/1.1\r\nX-Padding: ${'a'.repeat(20_000)}`))?.code).toBe('headers_too_large');
    expect(clientErrorProblem(clientError('HPE_HEADER_OVERFLOW', 'a'.repeat(20_000)))?.code).toBe('headers_too_large');
  });

  it('names late headers and anything else unreadable', () => {
    expect(clientErrorProblem(clientError('ERR_HTTP_REQUEST_TIMEOUT'))?.code).toBe('request_timeout');
    expect(clientErrorProblem(clientError('HPE_INVALID_METHOD', 'BREW / HTTP/1.1'))?.code).toBe('malformed_request');
  });

  it('answers nobody who has gone', () => {
    expect(clientErrorProblem(clientError('ECONNRESET'))).toBeNull();
  });
});

describe('rawProblemResponse', () => {
  it('is a complete HTTP/1.1 answer with the problem and the common headers', () => {
    const problem = clientErrorProblem(clientError('ERR_HTTP_REQUEST_TIMEOUT'));
    const text = rawProblemResponse(problem!);
    const [head, body] = text.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(head).toContain('Content-Type: application/problem+json; charset=utf-8');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    expect(head).toContain('X-Content-Type-Options: nosniff');
    expect(JSON.parse(body)).toEqual({ type: 'https://claimdesk.dev/problems/request_timeout', title: expect.any(String), status: 408, code: 'request_timeout', detail: expect.any(String) });
  });
});
