import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp } from '../../server/app';
import { demoRoutes } from '../../server/demo';
import { EXIT, emit, intFlag, parseArgs, say, strFlag, type Command } from '../io';

const ROOT = resolve(import.meta.dirname, '../..');

const help = `Usage: xinbiao serve [--port N] [--host H] [--build]

Serves, on localhost, the demo platform (homepage with the credit-query window, shop pages with signed
marks, all sample data fictional) and the reference status endpoint GET /v1/subjects/<USCC>, plus the
built widget under /widget/ and the built extensions under /extension/.
  --port N   port to listen on (default 8080)
  --host H   address to bind (default 127.0.0.1; the demo is not meant for other machines)
  --build    run 'npm run build' first, so what is served matches the sources
Prints {"url", …} once listening; stop with Ctrl+C.`;

const command: Command = {
  summary: 'demo platform and reference status endpoint',
  help,
  async run(args) {
    const parsed = parseArgs(args, { values: ['port', 'host'], booleans: ['build'] });
    const port = intFlag(parsed, 'port', 8080, 0, 65535);
    const host = strFlag(parsed, 'host') ?? '127.0.0.1';
    if (parsed.flags.has('build')) {
      say('Building the widget and the extensions first (npm run build)…');
      const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
      if (r.status !== 0) {
        say('The build failed; see the messages above.');
        return EXIT.invalid;
      }
    }
    if (!existsSync(resolve(ROOT, 'dist/widget/xinbiao.js'))) say('The widget is not built yet: run npm run build (or start with --build) so the demo pages can load it.');
    const server = await startApp({ port, host, routes: await demoRoutes() });
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    const base = `http://${host}:${actual}`;
    say(`信标 XinBiao demo is running (sample data, all fictional):`);
    say(`  demo platform      ${base}/`);
    say(`  status endpoint    ${base}/v1/subjects/<USCC>`);
    say(`  widget files       ${base}/widget/xinbiao.js`);
    say(`  extension (built)  .output/chrome-mv3 — load it unpacked at chrome://extensions`);
    say('Press Ctrl+C to stop.');
    emit({ url: `${base}/`, endpoint: `${base}/v1/subjects/`, widget: `${base}/widget/xinbiao.js` });
    await new Promise<void>((done) => {
      const stop = () => server.close(() => done());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};
export default command;
