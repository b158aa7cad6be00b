import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { toListError } from '../../core/lists';
import { openDatabase, isPostgresUrl, type Database } from '../../server/db/database';
import { importFile } from '../../server/db/import-pack';
import { listFilesIn } from '../../server/pack-files';
import { databaseLists, databaseReady } from '../../server/db/lists';
import { migrate } from '../../server/db/migrations';
import { statusRoute } from '../../server/routes/status';
import { startApp, type AppOptions, type RunningApp } from '../../server/app';
import { demo } from '../../server/demo';
import { buildIfChanged } from '../../server/build-stamp';
import { EXIT, UsageError, both, emit, intFlag, parseArgs, say, strFlag, type Command, type ParsedArgs } from '../io';
import { keysFrom } from './list';
import { PACKAGE_ROOT } from '../../server/package-root';

const ROOT = PACKAGE_ROOT;

const help = `Usage:
  xinbiao serve [--port N] [--host H] [--build] [--log-clients]
  xinbiao serve --database <dir | postgres://…> --trust <trust.jws> --root <root.public.jwk.json>
                [--lists DIR] [--host H] [--port N] [--rate N] [--log-clients]

Serves the demo platform (homepage with the credit-query window, shop pages with signed marks, all sample
data fictional) and the reference status endpoint GET /v1/subjects/<USCC> over the sample lists, plus the
built widget under /widget/ and the built extensions under /extension/. /healthz and /readyz answer probes.
提供演示平台（示例数据）与参考状态接口。
  --port N        port to listen on (default 8080) / 监听端口
  --host H        address to bind (default 127.0.0.1; the demo is not meant for other machines) / 绑定地址
  --build         rebuild the widget and the extensions first when their sources changed / 源码有变时先构建
  --log-clients   log client addresses with request paths (off: a log line never pairs an address with a code)
With --database it is the status endpoint for real: lookups are answered from the database (a directory for
the embedded engine, or a PostgreSQL URL; several processes may share one PostgreSQL). --lists DIR imports every
signed list in DIR (each <file>.ndjson with its .sig, and each packed list ID.pack.json with the files beside it;
keys from the trust list) before listening, exactly as 'xinbiao list import --database' does. 以数据库提供真实的状态接口。
  --rate N        lookups per client address per minute before 429 (default 600) / 每个客户端每分钟请求上限
Logs one JSON object per request on stderr (the demo: only with --log-clients); prints {"url", …} on stdout once listening; stop with Ctrl+C
(SIGTERM and SIGINT finish the requests in flight first).`;

/** Listens, or explains a busy port in one line with the fix; undefined when it could not listen. */
export async function listen(options: AppOptions): Promise<RunningApp | undefined> {
  try {
    return await startApp(options);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') say(`端口 ${options.port} 已被占用，请用 --port 换一个端口 / port ${options.port} is busy: choose another with --port, e.g. --port ${options.port + 1}`);
    else if (code === 'EACCES') say(`无权监听端口 ${options.port}，请用 --port 选 1024 以上的端口 / not allowed to listen on port ${options.port}: choose one above 1024 with --port`);
    else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') say(`无法绑定地址 ${options.host} / cannot bind address ${options.host}: check --host`);
    else throw err;
    return undefined;
  }
}

/** Waits for SIGINT or SIGTERM, then lets the requests in flight finish before closing. */
export async function runUntilSignal(running: RunningApp): Promise<void> {
  await new Promise<void>((done) => {
    const stop = () => {
      say('正在停止，完成进行中的请求 / stopping: finishing the requests in flight…');
      void running.drain().then(done, done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `serve --database`: the status endpoint over the database, after importing --lists; undefined on a refusal. */
async function databaseApp(parsed: ParsedArgs, target: string): Promise<Pick<AppOptions, 'plugins' | 'ready'> & { close: () => Promise<void> } | undefined> {
  if (!strFlag(parsed, 'trust') || !strFlag(parsed, 'root')) throw new UsageError(both('--database 需要 --trust <trust.jws> 和 --root <root.public.jwk.json>', '--database needs --trust <trust.jws> and --root <root.public.jwk.json>'));
  const keys = (await keysFrom(parsed, Date.now, true))!;
  let db: Database;
  try {
    db = await openDatabase(target);
    await migrate(db);
  } catch (err) {
    say(`无法打开数据库 / cannot open the database ${target}: ${(err as Error).message}`);
    return undefined;
  }
  const dir = strFlag(parsed, 'lists');
  if (dir) {
    const files = listFilesIn(await readdir(dir).catch(() => [] as string[]));
    if (files.length === 0) say(`${dir}: 没有名单文件 / no list files (*.ndjson, *.pack.json) here`);
    for (const name of files) {
      try {
        const r = await importFile(db, join(dir, name), { keys });
        if (r.outcome === 'imported') say(`名单 list ${r.list.id} v${r.list.version}: 已导入 imported (${r.list.count})`);
      } catch (err) {
        const e = toListError(err);
        say(`${name}: 未导入 not imported: ${e.zh} / ${e.en}`);
      }
    }
  }
  const rate = intFlag(parsed, 'rate', 600, 1);
  return { plugins: [statusRoute(databaseLists(db), { ratePerMinute: rate })], ready: databaseReady(db), close: () => db.close() };
}

const command: Command = {
  summary: 'demo platform and reference status endpoint',
  help,
  async run(args) {
    const parsed = parseArgs(args, { values: ['port', 'host', 'database', 'trust', 'root', 'lists', 'rate'], booleans: ['build', 'log-clients'] });
    const port = intFlag(parsed, 'port', 8080, 0, 65535);
    const host = strFlag(parsed, 'host') ?? '127.0.0.1';
    const log = { stream: process.stderr, clientAddresses: parsed.flags.has('log-clients') };
    const database = strFlag(parsed, 'database');
    if (database) {
      if (parsed.flags.has('build')) throw new UsageError(both('--build 只用于演示：状态接口不提供构建文件', '--build is for the demo; the status endpoint serves no built files of its own'));
      const served = await databaseApp(parsed, database);
      if (!served) return EXIT.invalid;
      const running = await listen({ port, host, plugins: served.plugins, ready: served.ready, log });
      if (!running) return (await served.close(), EXIT.usage);
      const address = running.server.address();
      const base = `http://${host.includes(':') ? `[${host}]` : host}:${typeof address === 'object' && address ? address.port : port}`;
      say(`信标 XinBiao 状态接口已启动 / status endpoint is running: ${base}/v1/subjects/<USCC> (database: ${isPostgresUrl(database) ? 'PostgreSQL' : database})`);
      emit({ url: `${base}/`, endpoint: `${base}/v1/subjects/`, ready: `${base}/readyz` });
      await runUntilSignal(running);
      await served.close();
      return EXIT.ok;
    }
    for (const flag of ['trust', 'root', 'lists', 'rate']) if (parsed.flags.has(flag)) throw new UsageError(both(`--${flag} 须与 --database 一起使用`, `--${flag} goes with --database`));
    if (parsed.flags.has('build') && !(await buildIfChanged())) {
      say('构建失败，见上方信息 / the build failed; see the messages above.');
      return EXIT.invalid;
    }
    if (!existsSync(resolve(ROOT, 'dist/widget/xinbiao.js'))) say('组件尚未构建：请运行 npm run build / the widget is not built yet: run npm run build (or start with --build) so the demo pages can load it.');
    // The demo logs requests only when asked (--log-clients); the real endpoint always does.
    const running = await listen({ port, host, ...(await demo()), log: { ...log, requests: log.clientAddresses } });
    if (!running) return EXIT.usage;
    const address = running.server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    const base = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
    say(`信标 XinBiao 演示已启动（示例数据，均为虚构） / demo is running (sample data, all fictional):`);
    say(`  演示平台 demo platform      ${base}/`);
    say(`  状态接口 status endpoint    ${base}/v1/subjects/<USCC>`);
    say(`  组件 widget files           ${base}/widget/xinbiao.js`);
    say(`  扩展 extension (built)      .output/chrome-mv3 — load it unpacked at chrome://extensions`);
    say('按 Ctrl+C 停止 / press Ctrl+C to stop.');
    emit({ url: `${base}/`, endpoint: `${base}/v1/subjects/`, widget: `${base}/widget/xinbiao.js` });
    await runUntilSignal(running);
    return EXIT.ok;
  },
};
export default command;
