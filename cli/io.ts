/** Exit codes of the command-line contract. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** Thrown for bad arguments; main() prints the message and the command's help, and exits 2. */
export class UsageError extends Error {}

/** One JSON object per line on stdout: the machine-readable output of every subcommand. */
export function emit(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** What a file or thing is called, in Chinese and in English, for messages that name it. */
export type Named = readonly [zh: string, en: string];

/** One message in both languages, Chinese first, on one line (every command's stderr reads this way). */
export const both = (zh: string, en: string): string => `${zh} / ${en}`;

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
 * Parses `--name value`, `--name=value` and bare `--flag` (for names in `booleans`); anything unknown is a
 * usage error so typos never pass silently.
 */
export function parseArgs(args: string[], spec: { values?: string[]; booleans?: string[] }): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const booleans = new Set([...(spec.booleans ?? []), 'help']);
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { positionals.push(...args.slice(i + 1)); break; }
    if (!a.startsWith('--') || a === '-') { positionals.push(a); continue; }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (booleans.has(name)) {
      if (eq >= 0) throw new UsageError(both(`--${name} 不带取值`, `--${name} takes no value`));
      flags.set(name, true);
    } else if (values.has(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) throw new UsageError(both(`--${name} 需要一个取值`, `--${name} needs a value`));
      flags.set(name, v);
    } else {
      throw new UsageError(both(`未知选项 --${name}`, `unknown option --${name}`));
    }
  }
  return { positionals, flags };
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
