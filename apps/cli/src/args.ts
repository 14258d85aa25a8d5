import { parseArgs } from 'node:util';
import { messageOf, UsageError } from './exit-codes';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Shown in help as `--name <value>`. */
  valueName?: string;
  /** The only values accepted; anything else is a usage error. */
  choices?: readonly string[];
  /** Shown in help only; commands apply their own defaults. */
  defaultHelp?: string;
  description: string;
}

export interface PositionalSpec {
  name: string;
  description: string;
  required: boolean;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  verbose: { type: 'boolean', description: 'show stack traces with errors' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

/** What a command was given, with typed accessors. */
export class ParsedArgs {
  constructor(
    private readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>,
    readonly positionals: string[],
  ) {}

  string(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === 'string' ? value : undefined;
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  list(name: string): string[] {
    const value = this.values[name];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  /** The value of an option the command cannot do without. */
  required(name: string, command: string): string {
    const value = this.string(name);
    if (value === undefined || value.trim() === '') throw new UsageError(`missing --${name}`, command);
    return value;
  }
}

/**
 * Parses a command's arguments strictly: an unknown option, a missing value, a value outside its
 * choices, a missing or extra positional argument are usage errors naming what is wrong.
 */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  options: Record<string, OptionSpec>,
  positionals: readonly PositionalSpec[],
): ParsedArgs {
  const all = { ...options, ...COMMON_OPTIONS };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(all).map(([name, spec]) => [name, { type: spec.type, multiple: spec.multiple === true, ...(spec.short ? { short: spec.short } : {}) }]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    if (!String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS_')) throw error;
    throw new UsageError(parseArgsMessage(error), command);
  }
  const args = new ParsedArgs(parsed.values, parsed.positionals);
  if (args.flag('help')) return args;
  for (const [name, spec] of Object.entries(all)) {
    if (!spec.choices) continue;
    for (const value of spec.multiple ? args.list(name) : [args.string(name)]) {
      if (value !== undefined && !spec.choices.includes(value)) {
        throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')} (got "${value}")`, command);
      }
    }
  }
  const missing = positionals.find((p, index) => p.required && args.positionals[index] === undefined);
  if (missing) throw new UsageError(`missing <${missing.name}>`, command);
  if (args.positionals.length > positionals.length) {
    throw new UsageError(`unexpected argument "${args.positionals[positionals.length]}"`, command);
  }
  return args;
}

/** node:util's messages, without the paragraph about `--` that follows the first sentence. */
function parseArgsMessage(error: unknown): string {
  const message = messageOf(error);
  const first = message.split(/\.\s/)[0].replace(/\.$/, '');
  return first.replace(/^Unknown option/, 'unknown option').replace(/^Unexpected argument/, 'unexpected argument');
}

/** The `Options:` block of a help text, aligned. */
export function formatOptions(options: Record<string, OptionSpec>): string {
  const rows = Object.entries({ ...options, ...COMMON_OPTIONS }).map(([name, spec]) => {
    const value = spec.type === 'string' ? ` <${spec.valueName ?? name}>` : '';
    const left = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${value}`;
    const choices = spec.choices ? ` (${spec.choices.join('|')})` : '';
    const fallback = spec.defaultHelp ? ` [default: ${spec.defaultHelp}]` : '';
    const repeat = spec.multiple ? ' (repeatable)' : '';
    return [left, `${spec.description}${choices}${repeat}${fallback}`];
  });
  return formatRows(rows);
}

export function formatRows(rows: readonly (readonly [string, string])[] | string[][]): string {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n');
}
