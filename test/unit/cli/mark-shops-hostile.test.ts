import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeMark } from '../../../core/marks';
import { signerPool } from '../../../cli/commands/mark-batch';
import { xinbiao } from '../../support/cli';

// `xinbiao mark sign --shops` against files made to break it: every refusal names its line, in both languages.
const KEY_FILE = 'samples/keys/demo-platform-2026.private.jwk.json';
const KEY = ['--key', KEY_FILE];
const run = xinbiao('mark');
const sample = JSON.parse(Buffer.from(readFileSync('samples/marks/youpin.jws', 'utf8').trim().split('.')[1]!, 'base64url').toString('utf8'));
const shop = (i: number) => JSON.stringify({ ...sample, bind: { ...sample.bind, path: `/shops/${i}/` } });
const pathOf = (token: string | undefined) => {
  const decoded = token ? decodeMark(token) : undefined;
  return decoded?.ok ? decoded.payload.bind.path : null;
};
const TOO_LONG = '行长超过 1 MiB（标识至多 64 KiB），未读取 / the line is longer than 1 MiB (a mark is at most 64 KiB) and was not read';
const CSV_HEADER = 'iss,iat,exp,sub.uscc,sub.name,sub.kind,shop.name,identity.verifiedBy,identity.verifiedAt,credit,bind.origin,bind.path';
const csvRow = (name: string, path: string, credit = `"${JSON.stringify(sample.credit).replaceAll('"', '""')}"`) =>
  ['demo-platform', '1793462400', '2109081600', sample.sub.uscc, sample.sub.name, 'company', name, '示例商城', '2026-10-20', credit, 'http://127.0.0.1:8080', path].join(',');

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'xinbiao-shops-hostile-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('xinbiao mark sign --shops with hostile input', () => {
  it('a line over 1 MiB is refused by number unread, inside a block or as a 3 MiB last line without a newline; the rest is signed in order', () => {
    const file = join(dir, 'long.ndjson');
    // An unknown member is dropped by the mark format, so only the length can refuse these lines.
    const padded = JSON.stringify({ ...sample, pad: 'x'.repeat((1 << 20) + 10) });
    const huge = JSON.stringify({ ...sample, pad: 'x'.repeat(3 << 20) });
    writeFileSync(file, `${shop(1)}\n${padded}\n${shop(3)}\n\n${shop(5)}\n${huge}`);
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => [l.line, l.error ?? pathOf(l.token)])).toEqual([[1, '/shops/1/'], [2, TOO_LONG], [3, '/shops/3/'], [5, '/shops/5/'], [6, TOO_LONG]]);
    expect(r.stderr).toContain(`${file}:6: 不能签发 / not signed: ${TOO_LONG}`);
  });

  it('a line that is not UTF-8 is refused, not signed with replacement characters, and the lines after keep their numbers', () => {
    const file = join(dir, 'latin1.ndjson');
    const bad = Buffer.from(JSON.stringify({ ...sample, shop: { name: '示例XY店' } }));
    bad[bad.indexOf('XY')] = 0xff;
    writeFileSync(file, Buffer.concat([Buffer.from(`${shop(1)}\n`), bad, Buffer.from(`\n${shop(3)}\n`)]));
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => [l.line, l.error ?? pathOf(l.token)])).toEqual([[1, '/shops/1/'], [2, '不是 UTF-8 文本 / not UTF-8 text'], [3, '/shops/3/']]);
  });

  it('a BOM is ignored on line 1 only, also when a later line opens a read block', () => {
    const file = join(dir, 'bom.ndjson');
    const bytes = Buffer.from(`\uFEFF${Array.from({ length: 1000 }, (_, i) => shop(i + 1)).join('\n')}\n`);
    // The line after the last line end within the first 256 KiB read opens the second block.
    const opens = bytes.lastIndexOf(10, (1 << 18) - 1) + 1;
    const line = bytes.subarray(0, opens).toString().split('\n').length;
    writeFileSync(file, Buffer.concat([bytes.subarray(0, opens), Buffer.from('\uFEFF'), bytes.subarray(opens)]));
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1000);
    expect(r.lines.filter((l) => l.error).map((l) => [l.line, l.error])).toEqual([[line, '不是 JSON / not JSON']]);
    expect(pathOf(r.lines[0].token)).toBe('/shops/1/');
  });

  it('a mark longer than verifiers accept (64 KiB) is refused, not signed', () => {
    const file = join(dir, 'path.ndjson');
    writeFileSync(file, `${JSON.stringify({ ...sample, bind: { ...sample.bind, path: `/${'a/'.repeat(40_000)}` } })}\n${shop(2)}\n`);
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(1);
    expect(r.lines[0].line).toBe(1);
    expect(r.lines[0].error).toMatch(/^签发的标识长 \d+ 个字符，超过验证方接受的 65536 \/ the mark would be \d+ characters long, verifiers accept at most 65536$/);
    expect(pathOf(r.lines[1].token)).toBe('/shops/2/');
  });

  it('CSV rows keep the line they start on: a quoted line break, a blank line, CRLF and a last row without a line end', () => {
    // Line breaks inside a quoted cell: in the credit column's JSON, where they are whitespace.
    const credit = (breaks: string) => `"${`[${breaks}${JSON.stringify(sample.credit).slice(1)}`.replaceAll('"', '""')}"`;
    const file = join(dir, 'lines.csv');
    writeFileSync(file, `${CSV_HEADER}\n${csvRow('a', '/shops/a/', credit('\n'))}\n${csvRow('b', '/shops/b/')}\n\n${csvRow('c', '/shops/c/', credit('\r\n\n'))}\n${csvRow('d', '/shops/d/')}`);
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => [l.line, pathOf(l.token)])).toEqual([[2, '/shops/a/'], [4, '/shops/b/'], [6, '/shops/c/'], [9, '/shops/d/']]);
    const crlf = join(dir, 'crlf.csv');
    writeFileSync(crlf, `${CSV_HEADER}\r\n${csvRow('a', '/shops/a/', credit('\r\n'))}\r\n\r\n${csvRow('b', '/shops/b/')}\r\n`);
    expect(run('sign', ...KEY, '--shops', crlf).lines.map((l) => [l.line, pathOf(l.token)])).toEqual([[2, '/shops/a/'], [5, '/shops/b/']]);
  });

  it('a shop name with a line break or a bidi override in it is refused by its line; the rows after it are signed', () => {
    const file = join(dir, 'names.csv');
    writeFileSync(file, `${CSV_HEADER}\n${csvRow('"两行\n店名"', '/shops/a/')}\n${csvRow('示例店\u202E品正', '/shops/b/')}\n${csvRow('c', '/shops/c/')}\n`);
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(1);
    const refused = 'shop.name: 不得含控制字符、格式字符、零宽字符、双向控制字符或行分隔符 / must not hold control, format, zero-width, bidi or line separator characters';
    expect(r.lines.map((l) => [l.line, l.error ?? pathOf(l.token)])).toEqual([[2, refused], [4, refused], [5, '/shops/c/']]);
  });

  it('a CSV header column that names no payload field refuses the file at line 1: a typo, __proto__.error, constructor.prototype.error', () => {
    for (const column of ['sub.USCC', '__proto__.error', 'constructor.prototype.error']) {
      const file = join(dir, 'columns.csv');
      writeFileSync(file, `${CSV_HEADER},${column}\n${csvRow('a', '/shops/a/')},x\n`);
      const r = run('sign', ...KEY, '--shops', file);
      expect(r.code).toBe(1);
      expect(r.lines).toEqual([{ line: 1, error: `表头第 13 列 ${JSON.stringify(column)} 不是标识内容的字段（docs/marks.md），本文件未签发任何店铺 / header column 13, ${JSON.stringify(column)}, names no field of the mark payload (docs/marks.md): no shop of this file was signed` }]);
    }
    // Every field of the format may be a column, a whole object (licence) or array (credit) as JSON.
    const file = join(dir, 'all.csv');
    writeFileSync(file, `${CSV_HEADER},identity.method,licence,status.idx\n${csvRow('a', '/shops/a/')},营业执照核验,"${JSON.stringify(sample.licence).replaceAll('"', '""')}",3\n`);
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(0);
    const decoded = decodeMark(r.lines[0].token);
    expect(decoded.ok && decoded.payload).toMatchObject({ licence: sample.licence, identity: { method: '营业执照核验' }, status: { idx: 3 } });
  });

  it('a CSV cell that only starts like JSON is text, status.idx is a number, and a cell nested 100,000 deep is refused by line', () => {
    const file = join(dir, 'cells.csv');
    const deep = `"${'['.repeat(100_000)}${']'.repeat(100_000)}"`;
    writeFileSync(file, `${CSV_HEADER},status.idx\n${csvRow('[官方]示例店', '/shops/a/')},7\n${csvRow('b', '/shops/b/', deep)},8\n`);
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(1);
    const decoded = decodeMark(r.lines[0].token);
    expect(decoded.ok && [decoded.payload.shop?.name, decoded.payload.status?.idx]).toEqual(['[官方]示例店', 7]);
    expect(r.lines[1]).toEqual({ line: 3, error: 'credit.0: 应为对象 / expected object' });
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a key whose private part does not belong to its public part signs nothing', () => {
    const key = JSON.parse(readFileSync(KEY_FILE, 'utf8'));
    const other = JSON.parse(readFileSync('samples/keys/demo-root-2026.public.jwk.json', 'utf8'));
    const keyFile = join(dir, 'mixed.private.jwk.json');
    writeFileSync(keyFile, JSON.stringify({ ...key, x: other.x }));
    const file = join(dir, 'one.ndjson');
    writeFileSync(file, `${shop(1)}\n`);
    const r = run('sign', '--key', keyFile, '--shops', file);
    expect([r.code, r.lines.length]).toEqual([1, 0]);
    expect(r.stderr.trim()).toBe('xinbiao mark sign: 密钥 demo-platform-2026 的私钥部分（d）与公钥（x）不匹配，签出的内容无法验证 / key demo-platform-2026: its private part (d) does not belong to its public part (x), so nothing it signs would verify');
  });

  it('a pipe or a device is refused as not a regular file; a file of blank lines says it holds no shop', () => {
    const fifo = join(dir, 'shops.ndjson');
    execFileSync('mkfifo', [fifo]);
    for (const path of [fifo, '/dev/zero']) {
      const r = run('sign', ...KEY, '--shops', path);
      expect([r.code, r.stderr.trim()]).toEqual([1, `xinbiao mark sign: 无法读取店铺文件 ${path}：不是普通文件（管道或设备） / cannot read the shops file ${path}: not a regular file (a pipe or a device)`]);
    }
    const blank = join(dir, 'blank.ndjson');
    writeFileSync(blank, '\n\r\n  \n');
    const r = run('sign', ...KEY, '--shops', blank);
    expect([r.code, r.lines.length]).toEqual([1, 0]);
    expect(r.stderr).toContain(`店铺文件 ${blank} 中没有店铺 / the shops file ${blank} holds no shop`);
  });

  it('SIGTERM stops it after the block being written: whole lines, none skipped, exit 143, the first unsigned line named', async () => {
    const file = join(dir, 'many.ndjson');
    writeFileSync(file, `${Array.from({ length: 60_000 }, (_, i) => shop(i + 1)).join('\n')}\n`);
    const child = spawn('node', ['bin/xinbiao.js', 'mark', 'sign', ...KEY, '--shops', file]);
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    // The first output, then a reader that stops reading: the writer is inside a write when the signal comes.
    await new Promise<void>((ok) => child.stdout.once('data', (d) => { stdout += d; child.stdout.pause(); ok(); }));
    child.kill('SIGTERM');
    await new Promise((ok) => setTimeout(ok, 300));
    child.stdout.on('data', (d) => { stdout += d; });
    child.stdout.resume();
    const code = await new Promise<number | null>((ok) => child.once('close', ok));
    expect(code).toBe(143);
    expect(stdout.endsWith('\n')).toBe(true);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number });
    expect(lines.length).toBeLessThan(60_000);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: lines.length }, (_, i) => i + 1));
    expect(stderr).toContain(`已中断（SIGTERM）：第 ${lines.length + 1} 行起的店铺未签发 / interrupted (SIGTERM): the shops from line ${lines.length + 1} on were not signed`);
    expect(stderr).not.toMatch(/\n\s+at /);
    // The help says so, beside the other exit codes.
    expect(run('sign', '--help').stdout).toContain('sign --shops stopped by SIGINT or SIGTERM\nends after a whole line and exits 130 or 143.');
  });

  it('a signing thread that fails rejects every block, also those given out after it failed, and never hangs', async () => {
    const pool = signerPool({ role: 'mark-signer', key: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA', d: 'AAAA', kid: 'broken' }, iat: 0, file: 'shops.ndjson' });
    const block = () => ({ ndjson: new TextEncoder().encode(shop(1)), firstLine: 1, tooLong: [] });
    try {
      await expect(pool.sign(block())).rejects.toThrow(/Invalid JWK/);
      await expect(pool.sign(block())).rejects.toThrow(/Invalid JWK/);
    } finally {
      await pool.close();
    }
  });
});
