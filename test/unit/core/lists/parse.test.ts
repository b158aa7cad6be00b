import { sha256Hex, toHex } from '../../../../core/crypto/sha256';
import { ListError } from '../../../../core/lists/errors';
import { ListParser, scanList } from '../../../../core/lists/parse';
import { bytes, entry, header, ndjson, stream } from './support';

async function all(file: Uint8Array, chunk = 64, opts = {}) {
  const parser = new ListParser({ batchSize: 3, ...opts });
  const batches = [];
  for await (const b of parser.batches(stream(file, chunk))) batches.push(b);
  return { batches, summary: parser.summary() };
}

describe('ListParser', () => {
  it('yields every entry in batches with its line number and hashes the exact bytes', async () => {
    const file = bytes(ndjson(header(), [1, 2, 3, 4, 5].map(entry)));
    const { batches, summary } = await all(file);
    expect(batches.map((b) => b.length)).toEqual([3, 2]);
    expect(batches.flat().map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(summary).toMatchObject({ entries: 5, lines: 5, bytes: file.length, badLineCount: 0, stopped: false });
    expect(toHex(summary.digest)).toBe(sha256Hex(file));
  });

  it('handles CRLF, a BOM, a last line without newline and UTF-8 split across one-byte chunks', async () => {
    const text = '\ufeff' + ndjson(header(), [entry(1), entry(2)], '\r\n').replace(/\r\n$/, '');
    const file = bytes(text);
    const { batches, summary } = await all(file, 1);
    expect(batches.flat().map((r) => r.entry.name)).toEqual([entry(1).name, entry(2).name]);
    expect(summary.badLineCount).toBe(0);
    expect(toHex(summary.digest)).toBe(sha256Hex(file));
  });

  it('reports bad lines with their numbers and reasons, keeping only the first N', async () => {
    const lines = [entry(1), 'not json', { ...entry(2), uscc: 'ABC' }, '', { name: 'x' }, entry(3)];
    const { summary, batches } = await all(bytes(ndjson(header(), lines)), 64, { maxBadLines: 2 });
    expect(batches.flat().map((r) => r.line)).toEqual([2, 7]);
    expect(summary.badLineCount).toBe(4);
    expect(summary.badLines).toEqual([{ line: 3, reason: 'not JSON' }, { line: 4, reason: expect.stringMatching(/^uscc: /) }]);
  });

  it('turns a huge line into a bad line without buffering it', async () => {
    const huge = `{"name":"${'x'.repeat(200_000)}"}`;
    const { summary } = await all(bytes(ndjson(header(), [entry(1), huge, entry(2)])), 4096, { maxLineBytes: 1024 });
    expect(summary.entries).toBe(2);
    expect(summary.badLines).toEqual([{ line: 3, reason: 'line longer than 1024 bytes' }]);
  });

  it.each([7, 4096, 'split'] as const)('counts a line without its line end: a 65,536-byte entry passes with LF and with CRLF (chunks: %s)', async (chunk) => {
    const base = JSON.stringify(entry(1));
    const exact = `${base.slice(0, -1)},"note":"${'x'.repeat(65_536 - bytes(base).length - 10)}"}`;
    expect(bytes(exact).length).toBe(65_536);
    const over = exact.replace('"note":"', '"note":"y');
    // 'split': one chunk ends right after the long line's CR, so the CR waits for its LF in the next chunk.
    const read = async (file: Uint8Array) => {
      if (chunk !== 'split') return all(file, chunk);
      const cut = file.indexOf(0x0a, file.indexOf(0x0a) + 1);
      const parser = new ListParser({ batchSize: 3 });
      for await (const _ of parser.batches((async function* () { yield file.slice(0, cut); yield file.slice(cut); })())) void _;
      return { summary: parser.summary() };
    };
    for (const eol of ['\n', '\r\n']) {
      const { summary } = await read(bytes(ndjson(header(), [exact, over, entry(2)], eol)));
      expect(summary.entries).toBe(2);
      expect(summary.badLines).toEqual([{ line: 3, reason: 'line longer than 65536 bytes' }]);
      const last = await all(bytes(ndjson(header(), [exact], eol).slice(0, -eol.length)), chunk === 'split' ? 65_536 : chunk);
      expect(last.summary).toMatchObject({ entries: 1, badLineCount: 0 });
    }
  });

  it('validates credit-level lines with their own schema', async () => {
    const level = { uscc: '91330106673959654P', name: '杭州示例', scheme: 'tax', schemeName: '纳税信用等级', level: 'A', issuer: '国家税务总局杭州市税务局', date: '2026-04-15' };
    const { summary } = await all(bytes(ndjson(header({ kind: 'credit-level' }), [level, entry(1)])));
    expect(summary.entries).toBe(1);
    expect(summary.badLines[0]).toMatchObject({ line: 3 });
  });

  it.each([
    ['an empty file', '', 'empty'],
    ['a header that is not JSON', 'hello\n', 'bad-header'],
    ['a header of another format', `${JSON.stringify({ ...header(), format: 'other/1' })}\n`, 'bad-header'],
    ['a header line over the cap', `${'x'.repeat(70_000)}\n`, 'line-too-long'],
  ])('refuses %s', async (_name, text, code) => {
    const err = await scanList(stream(bytes(text))).catch((e) => e);
    expect(err).toBeInstanceOf(ListError);
    expect(err.code).toBe(code);
    expect(err.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('stops after the header when asked to, and on abort', async () => {
    const file = bytes(ndjson(header(), [entry(1), entry(2)]));
    const stopped = await scanList(stream(file), { onHeader: () => 'stop' });
    expect(stopped).toMatchObject({ stopped: true, entries: 0 });
    const ac = new AbortController();
    ac.abort();
    await expect(scanList(stream(file), { signal: ac.signal })).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('ListParser memory', () => {
  it('streams 200,000 lines without keeping the entries: the heap stays flat', async () => {
    const enc = new TextEncoder();
    async function* lazy(n: number) {
      yield enc.encode(`${JSON.stringify(header())}\n`);
      for (let i = 0; i < n; i += 1000) {
        let chunk = '';
        for (let k = i; k < i + 1000; k++) chunk += `${JSON.stringify(entry(k))}\n`;
        yield enc.encode(chunk);
      }
    }
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let seen = 0;
    const parser = new ListParser({ batchSize: 1000 });
    for await (const batch of parser.batches(lazy(200_000))) {
      seen += batch.length;
      if (seen % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(parser.summary().entries).toBe(200_000);
    // Keeping the 200,000 entries costs about 57 MB here; streaming peaks near 20 MB of not-yet-collected garbage.
    expect(peak - before).toBeLessThan(35 * 1024 * 1024);
  });
});
