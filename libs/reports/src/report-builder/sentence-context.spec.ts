import { TextIndex } from '@claimdesk/text';
import { sentenceAround } from './sentence-context';

const around = (text: string, quote: string) => {
  const index = new TextIndex(text);
  const start = Array.from(text.slice(0, text.indexOf(quote))).length;
  return sentenceAround(index, start, start + Array.from(quote).length);
};

describe(sentenceAround.name, () => {
  it('shows the quote within its own sentence only', () => {
    expect(around('First sentence. He was the “favorite” to lead. Next one.', 'the “favorite”')).toEqual({ before: 'He was ', after: ' to lead.' });
  });

  it('stops at a paragraph break', () => {
    expect(around('Heading line\nBody says 12 percent rose\n\nNext', '12 percent')).toEqual({ before: 'Body says ', after: ' rose' });
  });

  it('keeps a closing quote with its sentence and counts emoji as one character', () => {
    expect(around('Intro 😀. “Taxes fell,” he said. Then.', 'Taxes fell')).toEqual({ before: '“', after: ',” he said.' });
  });
});
