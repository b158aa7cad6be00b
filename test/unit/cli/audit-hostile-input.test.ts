// What a new user or an attacker gives `xinbiao audit` by mistake or on purpose: each is refused before any page is
// opened, with one line in both languages (Chinese first) and never a stack trace.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContext } from '../../../cli/audit/context';
import { readPopulation } from '../../../cli/audit/inputs';
import { readJsonFile } from '../../../cli/audit/plan';
import { Inspectors } from '../../../core/audit';
import { InputError } from '../../../cli/io';
import { xinbiao as run } from '../../support/cli';

const ROOT = resolve(import.meta.dirname, '../../..');
const KEYS = join(ROOT, 'samples/keys');
const PAGE = join(ROOT, 'test/fixtures/pages/jd-item.html');
const audit = run('audit');

/** The first stderr line: `xinbiao audit: <中文> / <English>`, nothing of a stack anywhere. */
const firstLine = (stderr: string): string => {
  expect(stderr).not.toMatch(/\n\s+at /);
  return stderr.split('\n')[0]!;
};
const BILINGUAL = /^xinbiao audit: .*[\u4e00-\u9fff].* \/ .*[A-Za-z]{3}/;

let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'xinbiao-audit-hostile-')); });
afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

describe('the audit refuses bad inputs in one line, in both languages', () => {
  it('a lists folder that does not exist is an input error, not a stack trace', async () => {
    const err = await loadContext({ lists: join(work, 'no-such-folder') }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(`名单目录不存在或不是目录：${join(work, 'no-such-folder')} / the lists folder does not exist or is not a folder: ${join(work, 'no-such-folder')}`);

    const r = audit(PAGE, '--no-pdf', '--out', join(work, 'out-lists'), '--lists', join(work, 'no-such-folder'));
    expect(r.code).toBe(1);
    expect(firstLine(r.stderr)).toBe(`xinbiao audit: ${(err as Error).message}`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 120_000);

  it('a root key file that is not JSON stays on one line, though the parser quotes its line breaks', async () => {
    const root = join(work, 'root.jwk.json');
    writeFileSync(root, 'nope\n\u001b[31mred\n');
    const err = await loadContext({ trustRoot: root }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^信任名单未通过核验 \/ trust list refused: /);
    expect((err as Error).message).not.toMatch(/[\n\u001b]/);
  });

  it('usage errors of the plain audit are said in both languages on one line', () => {
    const notJson = join(work, 'weights.json');
    writeFileSync(notJson, 'nope\n{');
    for (const [args, en] of [
      [[], 'give at least one URL or file, or --list FILE'],
      [[PAGE, '--page-kind', 'shopx'], '--page-kind takes shop, platform-home, other'],
      [[PAGE, '--sample', '1', '--weights', notJson], '--weights and --sample exclude each other'],
      [[PAGE, '--weights', notJson], `--weights ${notJson} is not JSON`],
      [[PAGE, '--weights', join(work, 'missing.json')], `--weights cannot read ${join(work, 'missing.json')}: ENOENT`],
      [[PAGE, '--list', work], `cannot read the --list file ${work}: EISDIR`],
    ] as const) {
      const r = audit(...args, '--no-pdf', '--out', join(work, 'out-usage'));
      expect(r.code, args.join(' ')).toBe(2);
      const line = firstLine(r.stderr);
      expect(line).toMatch(BILINGUAL);
      expect(line).toContain(en);
      // The help follows after a blank line: the message itself is one line.
      expect(r.stderr.split('\n')[1]).toBe('');
    }
    expect(existsSync(join(work, 'out-usage'))).toBe(false);
  }, 120_000);

  it('a NUL or control character in a --list line or an option file is refused, so it never reaches the campaign database', () => {
    const list = join(work, 'nul.txt');
    writeFileSync(list, 'https://shop.example/1\nhttps://shop.example/x\u0000y\n');
    expect(() => readPopulation(list)).toThrow(`--list 文件 ${list} 第 2 行含控制字符 / the --list file ${list} has a control character on line 2`);
    writeFileSync(list, 'https://shop.example/1\t91990000MA5G3R035Y\n');
    expect(readPopulation(list)).toEqual([{ input: 'https://shop.example/1', uscc: '91990000MA5G3R035Y' }]);

    const inspectors = join(work, 'inspectors.json');
    writeFileSync(inspectors, JSON.stringify({ inspectors: [{ id: 'A', name: 'x\u0000' }] }));
    expect(() => readJsonFile(inspectors, Inspectors, '--inspectors')).toThrow(`--inspectors ${inspectors} 含 NUL 字符 / --inspectors ${inspectors} holds a NUL character`);
  });

  it('a --sign-key whose d does not sign for its x, or that is no key at all, is refused before any page is audited', () => {
    const office = JSON.parse(readFileSync(join(KEYS, 'demo-credit-office-2026.private.jwk.json'), 'utf8'));
    const platform = JSON.parse(readFileSync(join(KEYS, 'demo-platform-2026.private.jwk.json'), 'utf8'));
    const mixed = join(work, 'mixed.jwk.json');
    writeFileSync(mixed, JSON.stringify({ ...office, x: platform.x }));
    const garbage = join(work, 'garbage.jwk.json');
    writeFileSync(garbage, JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'abc', d: 'abc', kid: 'k' }));

    const m = audit(PAGE, '--no-pdf', '--out', join(work, 'out-mixed'), '--sign-key', mixed);
    expect(m.code).toBe(2);
    expect(firstLine(m.stderr)).toBe(`xinbiao audit: --sign-key ${mixed}：私钥 d 与公钥 x 不配对，或不是有效密钥 / --sign-key ${mixed}: its private d does not match its public x, or is not a valid key`);
    expect(existsSync(join(work, 'out-mixed'))).toBe(false);

    const g = audit(PAGE, '--no-pdf', '--out', join(work, 'out-garbage'), '--sign-key', garbage);
    expect(g.code).toBe(2);
    expect(firstLine(g.stderr)).toMatch(/^xinbiao audit: --sign-key .* 不是带 kid 的 Ed25519 私钥 JWK \/ --sign-key .* is not a private Ed25519 JWK with a kid$/);
    expect(existsSync(join(work, 'out-garbage'))).toBe(false);
  }, 120_000);

  it('audit verify without a folder, and a queue that cannot be reached, are one line each', () => {
    const v = audit('verify');
    expect(v.code).toBe(2);
    expect(firstLine(v.stderr)).toBe('xinbiao audit: audit verify：请给出至少一个报告目录 / audit verify: give at least one report folder');

    for (const args of [['schedule', '--queue', 'postgres://127.0.0.1:1/none', '--campaign', 'c', '--off'], ['worker', '--queue', 'postgres://127.0.0.1:1/none']]) {
      const q = audit(...args);
      expect(q.code, args[0]).toBe(1);
      expect(q.stderr.trim()).toMatch(/^xinbiao audit: 无法连接队列数据库 \/ cannot reach the queue database: .*ECONNREFUSED[^\n]*$/);
    }
  }, 120_000);
});
