import { parseArgs, UsageError } from '../../../cli/io';

const spec = { values: ['port', 'out'], booleans: ['build'] };
const parse = (args: string[]) => {
  const r = parseArgs(args, spec);
  return { positionals: r.positionals, flags: Object.fromEntries(r.flags) };
};
const refusal = (args: string[]) => {
  try {
    parseArgs(args, spec);
  } catch (err) {
    return err instanceof UsageError ? err.message : `not a usage error: ${(err as Error).message}`;
  }
  return 'accepted';
};

describe('parseArgs (the command-line contract of every subcommand)', () => {
  it('reads --name value, --name=value, bare booleans, --help, and everything after -- as positionals', () => {
    expect(parse(['--port', '80', 'a.html', '--build', '--', '--not-an-option'])).toEqual({ positionals: ['a.html', '--not-an-option'], flags: { port: '80', build: true } });
    expect(parse(['--out=dir', '-', '--help'])).toEqual({ positionals: ['-'], flags: { out: 'dir', help: true } });
  });

  it('refuses what it does not know, in Chinese and English', () => {
    expect(refusal(['--frobnicate'])).toBe('未知选项 --frobnicate / unknown option --frobnicate');
    expect(refusal(['-x'])).toBe('未知选项 -x / unknown option -x');
    expect(refusal(['--port'])).toBe('--port 需要一个取值 / --port needs a value');
    expect(refusal(['--build=yes'])).toBe('--build 不带取值 / --build takes no value');
    expect(refusal(['--port', '-5'])).toBe('--port 的取值以 - 开头：请写成 --port=<取值> / --port: a value that starts with \'-\' is written --port=<value>');
  });
});
