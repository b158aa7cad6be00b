#!/usr/bin/env node
// The CLI is TypeScript shared with core. `npm run build` prebuilds it (scripts/cli-bundle.mjs); while that bundle
// matches the sources it runs, else tsx compiles the sources on the fly, so `npx xinbiao` needs no build step.
import { BUNDLE, bundleIsCurrent } from '../scripts/cli-bundle.mjs';

// `xinbiao … | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
let main;
if (bundleIsCurrent()) ({ main } = await import(BUNDLE));
else {
  (await import('tsx/esm/api')).register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
