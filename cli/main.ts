import { EXIT, InputError, UsageError, both, say, type Command } from './io';
import { version } from './version';

// Lazy so `xinbiao check` does not pay for the browser, the DOM parser or the server.
const COMMANDS: Record<string, () => Promise<{ default: Command }>> = {
  check: () => import('./commands/check'),
  audit: () => import('./commands/audit'),
  serve: () => import('./commands/serve'),
  detect: () => import('./commands/detect'),
  list: () => import('./commands/list'),
  keys: () => import('./commands/keys'),
  mark: () => import('./commands/mark'),
  trust: () => import('./commands/trust'),
  status: () => import('./commands/status'),
};

const OVERVIEW = `xinbiao — 信标: who runs this shop, and can I trust them?

Usage: xinbiao <command> [options]

Commands:
  check <code…>            parse and validate 统一社会信用代码 / 注册号 / 组织机构代码
  detect <file.html…>      find shop operators, marks and query windows in saved pages
  keys                     generate an Ed25519 key pair as JWK files
  list sign|verify|import  publish, check and import (--database) signed credit list files
  list pack|diff|timestamp the compact subscriber form, signed deltas and freshness timestamps
  mark sign|verify|revoke  issue (one, or --shops from a file), check and withdraw signed shop marks
  status sign|verify       publish and check an issuer's signed status list
  trust sign|verify        publish and check the signed trust list of issuers
  audit <url-or-file…>     spot-check pages against the display rules in headless Chromium (report, PDF, manifest)
  audit verify <dir…>      check that a report folder is as written (digests, signed manifest)
  audit worker|report      run a campaign's pages from a PostgreSQL queue (--queue), write its report
  serve                    the demo on localhost, or the status endpoint on a database (--database)

Every command prints one JSON object per input on stdout and messages on stderr.
Exit codes: 0 success, 1 an input is invalid, 2 usage error. Run 'xinbiao <command> --help' for details;
'xinbiao --version' prints the version.`;


export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    process.stdout.write(`xinbiao ${version()}\n`);
    return EXIT.ok;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(`${OVERVIEW}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = COMMANDS[name];
  if (!load) {
    say(`xinbiao: ${both(`未知命令“${name}”`, `unknown command '${name}'`)}\n\n${OVERVIEW}`);
    return EXIT.usage;
  }
  let command: Command;
  try {
    command = (await load()).default;
  } catch (err) {
    say(`xinbiao ${name}: ${both('此版本不含该命令', 'not available in this build')} (${(err as Error).message})`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      say(`xinbiao ${name}: ${err.message}\n\n${command.help}`);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      say(`xinbiao ${name}: ${err.message}`);
      return EXIT.invalid;
    }
    say(`xinbiao ${name}: ${(err as Error).stack ?? String(err)}`);
    return EXIT.invalid;
  }
}
