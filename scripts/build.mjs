// npm run build: Chrome and Firefox extensions with their store zips into .output/, the widget into dist/widget/,
// the audit's in-page script into dist/audit/.
import { spawnSync } from 'node:child_process';

const steps = [
  ['wxt', ['build']],
  ['wxt', ['build', '-b', 'firefox']],
  ['wxt', ['zip']],
  ['wxt', ['zip', '-b', 'firefox']],
  ['vite', ['build', '--config', 'widget/vite.config.ts', '--logLevel', 'warn']],
  // The audit's in-page script, which `xinbiao audit` injects into each page it checks.
  ['vite', ['build', '--config', 'cli/audit/page.vite.config.ts', '--logLevel', 'warn']],
];

for (const [bin, args] of steps) {
  const label = `${bin} ${args.join(' ')}`;
  process.stderr.write(`» ${label}\n`);
  const r = spawnSync('npx', ['--no-install', bin, ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`build failed at: ${label}\n`);
    process.exit(r.status ?? 1);
  }
}
