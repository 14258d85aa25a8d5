import { charsetOfMeta, decodePage, detectCharset } from './charset';

const bytes = (text: string, encoding: BufferEncoding = 'latin1'): Uint8Array => Buffer.from(text, encoding);

describe('page charset', () => {
  it('reads the HTTP header first', () => {
    const page = bytes('<meta charset="utf-8"><p>caf\xe9</p>');
    expect(detectCharset(page, 'text/html; charset=windows-1252', true)).toBe('windows-1252');
    expect(decodePage(page, 'text/html; charset="ISO-8859-1"', true)).toContain('café');
  });

  it('then <meta charset> and <meta http-equiv>', () => {
    expect(decodePage(bytes('<html><head><meta charset=windows-1252></head><p>\x93quoted\x94 caf\xe9</p>'), 'text/html', true)).toContain('“quoted” café');
    const equiv = bytes('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">');
    expect(charsetOfMeta(equiv)).toBe('Shift_JIS');
    expect(decodePage(Buffer.concat([equiv, Buffer.from([0x93, 0xfa, 0x96, 0x7b])]), 'text/html', true)).toContain('日本');
  });

  it('defaults to UTF-8, skips unknown labels, and lets a byte order mark win', () => {
    expect(decodePage(bytes('café', 'utf8'), 'text/html', true)).toBe('café');
    expect(detectCharset(bytes('<meta charset="no-such-charset">'), 'text/html; charset=bogus', true)).toBe('utf-8');
    expect(detectCharset(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'text/html; charset=windows-1252', true)).toBe('utf-8');
  });

  it('looks for <meta> only in HTML', () => {
    expect(detectCharset(bytes('<meta charset="windows-1252">'), 'text/plain', false)).toBe('utf-8');
  });
});
