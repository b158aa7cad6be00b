import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeMark } from '../../../core/marks';
import { xinbiao } from '../../support/cli';

const KEY = ['--key', 'samples/keys/demo-platform-2026.private.jwk.json'];
const TRUST = ['--trust', 'samples/trust/trust.jws', '--root', 'samples/keys/demo-root-2026.public.jwk.json', '--now', '2026-11-21T00:00:00+08:00'];
const run = xinbiao('mark');
// The sample shop's signed payload, as a platform's shop export would describe it.
const sample = JSON.parse(Buffer.from(readFileSync('samples/marks/youpin.jws', 'utf8').trim().split('.')[1]!, 'base64url').toString('utf8'));

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'xinbiao-shops-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('xinbiao mark sign --shops', () => {
  it('signs one mark per NDJSON line, refuses a bad line by number, and the marks verify', () => {
    const file = join(dir, 'shops.ndjson');
    const second = { ...sample, bind: { ...sample.bind, path: '/shops/second/' } };
    writeFileSync(file, `${JSON.stringify(sample)}\n\n${JSON.stringify(second)}\n{"iss":"demo-platform"}\n`);
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => [l.line, Boolean(l.token), Boolean(l.error)])).toEqual([[1, true, false], [3, true, false], [4, false, true]]);
    expect(r.stderr).toContain(`${file}:4:`);
    // The payload's own fault, in both languages (not a crash of the reader on the missing subject).
    expect(r.lines[2].error).toBe('exp: 应为整数 / expected integer');
    const decoded = decodeMark(r.lines[1].token);
    expect(decoded.ok && decoded.payload.bind.path).toBe('/shops/second/');
    const verified = run('verify', ...TRUST, '--url', 'http://127.0.0.1:8080/shops/youpin/', r.lines[0].token);
    expect(verified.lines[0].outcome).toBe('genuine');
  });

  it('a file of several blocks, signed on the signing threads: every line in file order, each mark its own shop', () => {
    const file = join(dir, 'many.ndjson');
    // 3,000 shops span several read blocks and signing batches; shop 2,345 is refused (a path without its closing /).
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ ...sample, bind: { ...sample.bind, path: i === 2344 ? `/shops/${i}` : `/shops/${i}/` } }));
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(3000);
    expect(r.lines.map((l) => l.line)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    expect(r.lines.filter((l) => l.error).map((l) => l.line)).toEqual([2345]);
    // Batches go to the threads in turn and may come back in any order: every mark must still be its own line's.
    const paths = r.lines.map((l) => {
      const decoded = l.token ? decodeMark(l.token) : undefined;
      return decoded?.ok ? decoded.payload.bind.path : null;
    });
    expect(paths).toEqual(Array.from({ length: 3000 }, (_, i) => (i === 2344 ? null : `/shops/${i}/`)));
    const verified = run('verify', ...TRUST, '--url', 'http://127.0.0.1:8080/shops/2999/', r.lines[2999].token);
    expect(verified.lines[0].outcome).toBe('genuine');
  });

  it('signs shops from a CSV whose header names the payload fields by path', () => {
    const file = join(dir, 'shops.csv');
    const header = 'iss,iat,exp,sub.uscc,sub.name,sub.kind,shop.name,identity.verifiedBy,identity.verifiedAt,identity.method,credit,bind.origin,bind.path';
    const row = (path: string, name: string) => ['demo-platform', '1793462400', '2109081600', sample.sub.uscc, sample.sub.name, 'company', name, '示例商城', '2026-10-20', '营业执照核验',
      `"${JSON.stringify(sample.credit).replaceAll('"', '""')}"`, 'http://127.0.0.1:8080', path].join(',');
    writeFileSync(file, `\uFEFF${header}\n${row('/shops/youpin/', '示例优品旗舰店')}\n${row('/shops/b/', '示例二店')}\n`);
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => [l.line, l.uscc])).toEqual([[2, sample.sub.uscc], [3, sample.sub.uscc]]);
    const decoded = decodeMark(r.lines[1].token);
    const payload = decoded.ok ? decoded.payload : undefined;
    expect(payload).toMatchObject({ shop: { name: '示例二店' }, bind: { path: '/shops/b/' }, credit: sample.credit });
    expect(run('verify', ...TRUST, '--url', 'http://127.0.0.1:8080/shops/youpin/', r.lines[0].token).lines[0].outcome).toBe('genuine');
  });

  it('a CSV broken by an unclosed quote: the rows before it are signed, the rest is refused by line in both languages, no stack trace', () => {
    const file = join(dir, 'broken.csv');
    const header = 'iss,iat,exp,sub.uscc,sub.name,sub.kind,shop.name,identity.verifiedBy,identity.verifiedAt,credit,bind.origin,bind.path';
    const row = ['demo-platform', '1793462400', '2109081600', sample.sub.uscc, sample.sub.name, 'company', '示例优品旗舰店', '示例商城', '2026-10-20', '[]', 'http://127.0.0.1:8080', '/shops/youpin/'].join(',');
    writeFileSync(file, `${header}\n${row}\n"demo-platform,1793462400\n`);
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => [l.line, Boolean(l.token)])).toEqual([[2, true], [3, false]]);
    expect(r.lines[1].error).toMatch(/^CSV 文件从此行起无法读取 \/ the CSV file cannot be read from this line on: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses, by line, an individual seller's unmasked name and a malformed USCC, and signs the rest", () => {
    const file = join(dir, 'shops.ndjson');
    const seller = (realName: string) => ({
      ...sample, sub: { name: '王小明的手工店', kind: 'individual-seller' }, licence: undefined,
      identity: { verifiedBy: '示例商城', verifiedAt: '2026-10-20', realName, selfDeclaration: { text: '自产自销手工制品', exemption: 'handicraft' } },
    });
    const badUscc = { ...sample, sub: { ...sample.sub, uscc: '91330106673959654' } };
    writeFileSync(file, [seller('王小明'), badUscc, seller('王*明')].map((p) => JSON.stringify(p)).join('\n'));
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => [l.line, l.error?.split(':')[0], Boolean(l.token)])).toEqual([[1, 'identity.realName', false], [2, 'sub.uscc', false], [3, undefined, true]]);
    const decoded = decodeMark(r.lines[2].token);
    expect(decoded.ok && decoded.payload.identity.realName).toBe('王*明');
  });

  it('needs exactly one of --payload and --shops', () => {
    expect(run('sign', ...KEY).code).toBe(2);
    expect(run('sign', ...KEY, '--payload', 'x.json', '--shops', 'y.csv').code).toBe(2);
    expect(run('sign', ...KEY, '--shops', join(dir, 'missing.csv')).code).toBe(1);
  });

  it('a shops file that is missing or a directory is one clear line in both languages, and no mark', () => {
    const missing = run('sign', ...KEY, '--shops', join(dir, 'missing.ndjson'));
    expect([missing.code, missing.lines.length]).toEqual([1, 0]);
    expect(missing.stderr.trim()).toBe(`xinbiao mark sign: 无法读取店铺文件 ${join(dir, 'missing.ndjson')}：ENOENT / cannot read the shops file ${join(dir, 'missing.ndjson')}: ENOENT`);
    const folder = run('sign', ...KEY, '--shops', dir);
    expect([folder.code, folder.lines.length]).toEqual([1, 0]);
    expect(folder.stderr.trim()).toBe(`xinbiao mark sign: 无法读取店铺文件 ${dir}：EISDIR / cannot read the shops file ${dir}: EISDIR`);
  });

  it('CRLF lines, a BOM, blank lines, a last line without its newline and lines across the 256 KiB reads keep their numbers', () => {
    const file = join(dir, 'crlf.ndjson');
    // About 600 bytes a shop: 1,200 shops are three reads, and the reads end inside a line.
    const shops = Array.from({ length: 1200 }, (_, i) => JSON.stringify({ ...sample, shop: { name: `示例${i}号店` }, bind: { ...sample.bind, path: `/shops/${i}/` } }));
    // Line 1 is the BOM'd first shop, line 2 blank, then the rest; the last has no line end.
    writeFileSync(file, `\uFEFF${shops[0]}\r\n\r\n${shops.slice(1).join('\r\n')}`);
    const r = run('sign', ...KEY, '--shops', file);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1200);
    expect(r.lines.map((l) => l.line)).toEqual([1, ...Array.from({ length: 1199 }, (_, i) => i + 3)]);
    const names = r.lines.map((l) => {
      const decoded = decodeMark(l.token);
      return decoded.ok ? `${decoded.payload.shop?.name} ${decoded.payload.bind.path}` : null;
    });
    expect(names).toEqual(Array.from({ length: 1200 }, (_, i) => `示例${i}号店 /shops/${i}/`));
  });
});
