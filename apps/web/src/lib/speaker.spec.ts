import { speakerAt } from './speaker';

const TRANSCRIPT = 'Debate transcript\n\nKAINE: We have cut the deficit in half.\n\nMR. PENCE: Hillary Clinton has a different view.\nShe said so twice.\n\nThe moderator moved on.';

describe('speakerAt', () => {
  it('names the speaker of the turn a span starts in, in title case', () => {
    expect(speakerAt(TRANSCRIPT, TRANSCRIPT.indexOf('cut the deficit'))).toBe('Kaine');
    expect(speakerAt(TRANSCRIPT, TRANSCRIPT.indexOf('Hillary'))).toBe('Mr. Pence');
  });

  it('keeps the speaker over the later lines of the same turn', () => {
    expect(speakerAt(TRANSCRIPT, TRANSCRIPT.indexOf('She said'))).toBe('Mr. Pence');
  });

  it('names nobody outside a turn, or when the span is the label itself', () => {
    expect(speakerAt(TRANSCRIPT, TRANSCRIPT.indexOf('moderator'))).toBeNull();
    expect(speakerAt(TRANSCRIPT, TRANSCRIPT.indexOf('KAINE'))).toBeNull();
    expect(speakerAt('Note: this is prose.', 7)).toBeNull();
  });
});
