import { OptionSpec, parseCommandArgs } from './args';
import { UsageError } from './exit-codes';

const OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string', choices: ['json', 'csv'], description: 'format' },
  output: { type: 'string', short: 'o', description: 'file' },
  author: { type: 'string', multiple: true, description: 'author' },
  force: { type: 'boolean', description: 'overwrite' },
};
const POSITIONALS = [{ name: 'articleId', description: 'id', required: true }];
const parse = (argv: string[]) => parseCommandArgs('export', argv, OPTIONS, POSITIONALS);

describe(parseCommandArgs.name, () => {
  it('reads options, repeated options, flags and positionals, with "-" as a value and as a positional', () => {
    const sut = parse(['a1', '--format', 'csv', '-o', '-', '--author', 'A', '--author', 'B', '--force']);
    expect([sut.positionals, sut.string('format'), sut.string('output'), sut.list('author'), sut.flag('force')]).toEqual([['a1'], 'csv', '-', ['A', 'B'], true]);
    expect(parse(['-']).positionals).toEqual(['-']);
  });

  it.each([
    [['a1', '--bogus'], "unknown option '--bogus'"],
    [['a1', '--format', 'xml'], '--format must be one of json, csv (got "xml")'],
    [[], 'missing <articleId>'],
    [['a1', 'a2'], 'unexpected argument "a2"'],
    [['a1', '--force=yes'], "Option '--force' does not take an argument"],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(() => parse(argv)).toThrow(new UsageError(message, 'export'));
  });

  it('--help stops checking, so help works with incomplete arguments', () => {
    expect(parse(['--help']).flag('help')).toBe(true);
  });
});
