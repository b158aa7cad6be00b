import { parseArgs as nodeParseArgs } from 'node:util';

/** Exit codes of the command-line contract. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** Thrown for bad arguments; main() prints the message and the command's help, and exits 2. */
export class UsageError extends Error {}

/** A problem with an input file or its contents, said in both languages: main() prints the message alone, exit 1. */
export class InputError extends Error {}

/** One JSON object per line on stdout: the machine-readable output of every subcommand. */
export function emit(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** What a file or thing is called, in Chinese and in English, for messages that name it. */
export type Named = readonly [zh: string, en: string];

/** One message in both languages, Chinese first, on one line (every command's stderr reads this way). */
export const both = (zh: string, en: string): string => `${zh} / ${en}`;

/** Text from elsewhere (a file, a library's error quoting a file) on one line: control characters and line breaks become spaces. */
export const oneLine = (text: string): string => text.replace(/[\p{Cc}\s]+/gu, ' ').trim();

/**
 * Why a file is not JSON, `[zh, en]`: the parser's position when it gives one, never its message, which quotes the
 * file (a private key's `d`, line breaks) and is English only.
 */
export function notJson(err: unknown): Named {
  const at = /at position (\d+)/.exec(err instanceof Error ? err.message : '')?.[1];
  return at === undefined ? ['不是 JSON', 'is not JSON'] : [`不是 JSON（第 ${at} 个字符处）`, `is not JSON (at character ${at})`];
}

/** Human messages go to stderr so stdout stays parseable. */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

export interface Command {
  /** One line for the overview. */
  summary: string;
  /** Full --help text. */
  help: string;
  run(args: string[]): Promise<number>;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Parses `--name value`, `--name=value` and bare `--flag` (for names in `booleans`) with Node's own parser
 * (node:util parseArgs, strict); anything unknown is a usage error, in both languages, so typos never pass silently.
 */
export function parseArgs(args: string[], spec: { values?: string[]; booleans?: string[] }): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const name of spec.values ?? []) options[name] = { type: 'string' };
  for (const name of spec.booleans ?? []) options[name] = { type: 'boolean' };
  let parsed;
  try {
    parsed = nodeParseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw usageOf(err as Error & { code?: string }, options);
  }
  const flags = new Map<string, string | true>();
  for (const [name, value] of Object.entries(parsed.values)) if (value !== undefined && value !== false) flags.set(name, value as string | true);
  return { positionals: parsed.positionals, flags };
}

/** Node's parse error as a usage error in both languages (its message names the option in quotes). */
function usageOf(err: Error & { code?: string }, options: Record<string, { type: string }>): Error {
  const option = /'(-[^' ]*)/.exec(err.message)?.[1] ?? '';
  const name = option.replace(/^-+/, '');
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(both(`未知选项 ${option}`, `unknown option ${option}`));
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/ambiguous/.test(err.message)) return new UsageError(both(`${option} 的取值以 - 开头：请写成 ${option}=<取值>`, `${option}: a value that starts with '-' is written ${option}=<value>`));
    return options[name]?.type === 'boolean'
      ? new UsageError(both(`${option} 不带取值`, `${option} takes no value`))
      : new UsageError(both(`${option} 需要一个取值`, `${option} needs a value`));
  }
  return new UsageError(both(`参数有误：${err.message}`, `bad arguments: ${err.message}`));
}

/** A flag that must be a whole number in range, or a usage error naming it. */
export function intFlag(parsed: ParsedArgs, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const v = parsed.flags.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v === true || !Number.isInteger(n) || n < min || n > max) throw new UsageError(both(`--${name} 须为 ${min} 到 ${max} 之间的整数`, `--${name} takes a whole number from ${min} to ${max}`));
  return n;
}

/** A string flag, or a fallback. */
export function strFlag(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** A command made of subcommands (`xinbiao mark sign|verify`): dispatches on the first argument. */
export function withSubcommands(summary: string, help: string, subs: Record<string, (args: string[]) => Promise<number>>): Command {
  const names = Object.keys(subs).join(' or ');
  return {
    summary,
    help,
    async run(args) {
      const [sub, ...rest] = args;
      const run = sub ? subs[sub] : undefined;
      if (!run) throw new UsageError(sub ? both(`未知子命令“${sub}”（${names}）`, `unknown subcommand '${sub}' (${names})`) : both(`请给出子命令：${names}`, `give a subcommand: ${names}`));
      return run(rest);
    },
  };
}
