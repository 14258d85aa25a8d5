import { Writable } from 'node:stream';
import { progressLine, progressOn } from './progress';

class Terminal extends Writable {
  text = '';
  columns = 80;
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString('utf8');
    callback();
  }
}

describe(progressLine.name, () => {
  it('draws a bar with the percentage done', () => {
    expect(progressLine(0.5, 'backup 50/100 pages')).toBe('[############............]  50% backup 50/100 pages');
    expect(progressLine(1, 'done')).toBe('[########################] 100% done');
  });

  it('shows only the text without a fraction', () => {
    expect(progressLine(null, 'report: 3 articles written')).toBe('report: 3 articles written');
  });

  it('fits the line into the terminal', () => {
    expect(progressLine(0.1, 'x'.repeat(200), 40)).toHaveLength(39);
  });
});

describe(progressOn.name, () => {
  it('redraws one line in place on a terminal, at most every interval, and clears it when done', () => {
    let now = 0;
    const terminal = new Terminal(true);
    const sut = progressOn(terminal, { intervalMs: 100, now: () => now });
    sut.update(0.1, 'a');
    now = 50;
    sut.update(0.2, 'b');
    now = 150;
    sut.update(0.3, 'c');
    sut.update(1, 'd');
    sut.done();
    expect(terminal.text.split('\r').filter(Boolean).map((frame) => frame.replace(/^\[.*\]\s+\d+% /, ''))).toEqual(['a\x1b[K', 'c\x1b[K', 'd\x1b[K', '\x1b[K']);
  });

  it('draws nothing when the stream is not a terminal', () => {
    const file = new Terminal(false);
    const sut = progressOn(file);
    sut.update(0.5, 'half');
    sut.done();
    expect(file.text).toBe('');
  });
});
