import { findMentions, matchMentionAt, resolveMention } from './mentions';

describe('mentions in a note', () => {
  it('finds an e-mail address after @, lower-cased, without the punctuation that follows it', () => {
    expect(findMentions('Ask @Ana.Lopez@Desk.example, or @bo@desk.example. Then @cy@desk.example!')).toEqual([
      { kind: 'email', email: 'ana.lopez@desk.example' },
      { kind: 'email', email: 'bo@desk.example' },
      { kind: 'email', email: 'cy@desk.example' },
    ]);
  });

  it('finds a display name in brackets, with its spacing tidied', () => {
    expect(findMentions('@[Ana  López] and (@[Bo Ek])')).toEqual([
      { kind: 'name', name: 'Ana López' },
      { kind: 'name', name: 'Bo Ek' },
    ]);
  });

  it('lists each person once, whatever the case of the address', () => {
    expect(findMentions('@bo@desk.example @BO@desk.example @[bo] @[Bo]')).toEqual([
      { kind: 'email', email: 'bo@desk.example' },
      { kind: 'name', name: 'bo' },
    ]);
  });

  it('does not read a plain address, a handle without a domain or an empty name as a mention', () => {
    expect(findMentions('mail bo@desk.example, ping @bo, see @[] or @[unclosed')).toEqual([]);
  });

  it('ignores @ inside inline code, fenced code and indented code', () => {
    const note = [
      'Use `@bo@desk.example` literally, ``or `@[Bo]` here``.',
      '',
      '```',
      '@cy@desk.example',
      '```',
      '',
      '    @[Indented Person]',
      '',
      'But @dee@desk.example counts.',
    ].join('\n');
    expect(findMentions(note)).toEqual([{ kind: 'email', email: 'dee@desk.example' }]);
  });

  it('measures the mention it matches, for renderers', () => {
    expect(matchMentionAt('hi @[Bo Ek]!', 3)).toEqual({ ref: { kind: 'name', name: 'Bo Ek' }, length: 8 });
    expect(matchMentionAt('hi @bo@x.org.', 3)).toEqual({ ref: { kind: 'email', email: 'bo@x.org' }, length: 9 });
    expect(matchMentionAt('a@bo@x.org', 1)).toBeNull();
  });

  describe('resolving', () => {
    const people = [
      { id: '1', email: 'ana@desk.example', displayName: 'Ana López' },
      { id: '2', email: 'bo@desk.example', displayName: 'Bo' },
      { id: '3', email: 'bo2@desk.example', displayName: 'bo' },
    ];

    it('matches an address regardless of case and a name ignoring case and spacing', () => {
      expect(resolveMention({ kind: 'email', email: 'ana@desk.example' }, people)?.id).toBe('1');
      expect(resolveMention({ kind: 'name', name: 'ana  lópez' }, people)?.id).toBe('1');
    });

    it('ignores unknown people and names that two people share', () => {
      expect(resolveMention({ kind: 'email', email: 'nobody@desk.example' }, people)).toBeNull();
      expect(resolveMention({ kind: 'name', name: 'Nobody' }, people)).toBeNull();
      expect(resolveMention({ kind: 'name', name: 'Bo' }, people)).toBeNull();
    });
  });
});
