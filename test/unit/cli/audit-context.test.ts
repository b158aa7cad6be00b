import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContext } from '../../../cli/audit/context';
import { writePack } from '../../../cli/commands/list-pack';
import type { PrivateJwk } from '../../../core/crypto';
import { InputError } from '../../../cli/io';

const SAMPLES = join(import.meta.dirname, '../../../samples');
const NOW = Date.parse('2026-11-21T00:00:00+08:00');

describe('the audit’s lists, read as the status server reads them', () => {
  it('answers from the sample lists by USCC', async () => {
    const ctx = await loadContext({ now: NOW });
    expect(ctx.refused).toEqual([]);
    expect((await ctx.lists.byUscc('91990000MA5G3R035Y')).map((m) => m.list.id).sort()).toEqual(['demo-black', 'demo-credit-level']);
  });

  it('refuses a tampered list file and says why, in both languages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinbiao-audit-lists-'));
    try {
      for (const f of ['demo-black.ndjson', 'demo-black.ndjson.sig']) await copyFile(join(SAMPLES, 'lists', f), join(dir, f));
      const black = await readFile(join(dir, 'demo-black.ndjson'), 'utf8');
      await writeFile(join(dir, 'demo-black.ndjson'), black.replace('情节严重', '情节轻微'));
      const ctx = await loadContext({ now: NOW, lists: dir });
      expect(ctx.refused).toHaveLength(1);
      expect(ctx.refused[0]!.file).toBe('demo-black.ndjson');
      expect(ctx.refused[0]!.reason).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
      // The line a worker says: the Chinese half all Chinese (no English reason in it), the English half all English.
      const [zh, en, ...rest] = ctx.refusedLines[0]!.split(' / ');
      expect(rest).toEqual([]);
      expect(zh).toMatch(/^名单 demo-black\.ndjson 未采用：文件内容与签名不符/);
      expect(zh).not.toMatch(/refused|signature/);
      expect(en).toMatch(/^list demo-black\.ndjson refused: the file does not match its signature [^\u4e00-\u9fff]+$/);
      expect(await ctx.lists.byUscc('91990000MA5G3R035Y')).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a trust list that does not verify is an input error said in both languages (one line, no stack trace)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinbiao-audit-trust-'));
    try {
      const trust = join(dir, 'trust.jws');
      await writeFile(trust, (await readFile(join(SAMPLES, 'trust/trust.jws'), 'utf8')).trim().slice(0, -4) + 'AAAA');
      const err = await loadContext({ now: NOW, trust }).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(/^信任名单未通过核验 \/ trust list refused: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('records a packed list it used by its manifest, with the manifest\'s digest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinbiao-audit-pack-'));
    try {
      const key = JSON.parse(await readFile(join(SAMPLES, 'keys/demo-credit-office-2026.private.jwk.json'), 'utf8')) as PrivateJwk;
      await writePack(() => createReadStream(join(SAMPLES, 'lists/demo-black.ndjson')), 'demo-black', dir, key, { now: () => NOW });
      const ctx = await loadContext({ now: NOW, lists: dir });
      const digest = createHash('sha256').update(await readFile(join(dir, 'demo-black.pack.json'))).digest('hex');
      expect(ctx.listFiles).toEqual([{ id: 'demo-black', version: 1, kind: 'black', publisher: 'demo-credit-office', file: 'demo-black.pack.json', sha256: digest }]);
      expect((await ctx.lists.byUscc('91990000MA5G3R035Y')).map((m) => m.list.id)).toEqual(['demo-black']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
