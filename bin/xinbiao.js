#!/usr/bin/env node
// The CLI is TypeScript shared with core; tsx compiles it on the fly so `npx xinbiao` needs no build step.
import { register } from 'tsx/esm/api';

register();
// `xinbiao … | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
