// npm run build: the demo build. Chrome and Firefox extensions with their store zips into .output/, the widget into
// dist/widget/, the audit's in-page script into dist/audit/, the prebuilt CLI into dist/cli/. npm run build:release (--release): what may be published,
// from XINBIAO_TRUST_ROOT and XINBIAO_TRUST_LIST, into .output/release/ and dist/widget-release/; refused when
// scripts/release-trust.ts refuses.
import { spawnSync } from 'node:child_process';

const release = process.argv.includes('--release');
const env = { ...process.env, XINBIAO_EDITION: release ? 'release' : 'demo' };

const steps = [
  ...(release ? [['tsx', ['scripts/release-trust.ts']]] : []),
  ['wxt', ['build']],
  ['wxt', ['build', '-b', 'firefox']],
  ['wxt', ['zip']],
  ['wxt', ['zip', '-b', 'firefox']],
  ['vite', ['build', '--config', 'widget/vite.config.ts', '--logLevel', 'warn']],
  // The audit's in-page script, which `xinbiao audit` injects into each page it checks.
  ['vite', ['build', '--config', 'cli/audit/page.vite.config.ts', '--logLevel', 'warn']],
  // The prebuilt CLI, which bin/xinbiao.js runs while it matches the sources.
  ['node', ['scripts/cli-bundle.mjs']],
];

for (const [bin, args] of steps) {
  const label = `${bin} ${args.join(' ')}`;
  process.stderr.write(`» ${label}\n`);
  const r = spawnSync('npx', ['--no-install', bin, ...args], { stdio: 'inherit', env });
  if (r.status !== 0) {
    process.stderr.write(`构建失败 / build failed at: ${label}\n`);
    process.exit(r.status ?? 1);
  }
}
