// npm test: every check, in order, ending with one plain "N passed, N failed" line.
// Installs Debian's chromium and postgresql when missing (Playwright cannot download browsers here), and runs the
// service tests against a throwaway PostgreSQL cluster as well as the embedded database.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { postgresBin, startCluster } from './pg-cluster.mjs';

const root = resolve(import.meta.dirname, '..');
const results = join(root, '.test-results');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (m) => process.stderr.write(`\n» ${m}\n`);
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, XINBIAO_RESULTS_DIR: results, ...env } }).status ?? 1;

let passed = 0;
let failed = 0;
let cluster; // the throwaway PostgreSQL, stopped and removed on every way out
const finish = () => {
  cluster?.stop();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
};

// Evidence screenshots and the report must show Chinese text, not empty boxes: a CJK font comes with the browser.
const cjkFont = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const missing = [!existsSync(chromium) && 'chromium', !existsSync(cjkFont) && 'fonts-wqy-microhei', !postgresBin() && 'postgresql'].filter(Boolean);
if (missing.length > 0) {
  if (process.getuid?.() === 0) {
    log(`Installing Debian packages: ${missing.join(' ')} (apt-get install -y)…`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', ...missing], { DEBIAN_FRONTEND: 'noninteractive' });
  }
  if (!existsSync(chromium)) {
    process.stderr.write(`Chromium is missing at ${chromium}. Install it with: sudo apt-get install -y chromium fonts-wqy-microhei\n` +
      '(or set CHROMIUM_PATH to a Chromium binary). The browser tests cannot run without it.\n');
    failed++;
    finish();
  }
  if (!existsSync(cjkFont)) process.stderr.write('No CJK font (sudo apt-get install -y fonts-wqy-microhei): screenshots will show boxes for Chinese text.\n');
}

// Firefox: Debian's firefox-esr, driven over WebDriver BiDi (puppeteer-core); installed like chromium when missing.
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(firefox) && process.getuid?.() === 0) {
  log('Installing Debian package: firefox-esr (apt-get install -y)…');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'firefox-esr'], { DEBIAN_FRONTEND: 'noninteractive' });
}
if (!existsSync(firefox)) process.stderr.write(`Firefox is missing at ${firefox}. Install it with: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH).\n`);

// The PG tests fail (never skip) without XINBIAO_TEST_PG, so a cluster that cannot start shows up as failures.
try {
  cluster = await startCluster();
  log(`PostgreSQL for the tests: ${cluster.url}`);
} catch (err) {
  process.stderr.write(`✗ PostgreSQL could not start, so the PostgreSQL tests will fail: ${err.message}\n` +
    '  (install it with: sudo apt-get install -y postgresql)\n');
}
process.on('exit', () => cluster?.stop());
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

// A gate that is not a test runner counts as one check.
for (const [label, cmd, args] of [
  ['Type check (tsc --noEmit)', 'npx', ['--no-install', 'tsc', '--noEmit']],
  ['Build (extension + widget)', 'npm', ['run', 'build', '--silent']],
  // Mozilla's add-ons linter on the Firefox build: any error fails (warnings are printed).
  ['Firefox build passes addons-linter', 'npx', ['--no-install', 'addons-linter', '.output/firefox-mv3']],
  ['Firefox: the built extension in firefox-esr', 'npx', ['--no-install', 'vitest', 'run', '--config', 'test/firefox/vitest.config.ts']],
]) {
  log(label);
  if (run(cmd, args) === 0) passed++;
  else { failed++; process.stderr.write(`✗ ${label} failed\n`); }
}

for (const [runner, args] of [
  ['vitest', ['--no-install', 'vitest', 'run']],
  ['playwright', ['--no-install', 'playwright', 'test']],
]) {
  log(`${runner}`);
  const status = run('npx', args, cluster ? { XINBIAO_TEST_PG: cluster.url } : {});
  const file = join(results, `${runner}.json`);
  if (existsSync(file)) {
    const s = JSON.parse(readFileSync(file, 'utf8'));
    passed += s.passed;
    failed += s.failed;
    if (status !== 0 && s.failed === 0) failed++; // the runner failed outside any test
  } else {
    process.stderr.write(`✗ ${runner} ended (exit ${status}) without reporting any result\n`);
    failed++;
  }
}
finish();
