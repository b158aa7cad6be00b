import fc from 'fast-check';
import { ListError } from '../../../../core/lists/errors';
import { importList } from '../../../../core/lists/import';
import { singleKey } from '../../../../core/lists/checks';
import { scanList } from '../../../../core/lists/parse';
import { NOW, bytes, demoKeys, entry, header, ndjson, openStore, signed, stream } from './support';

const codes = new Set(['empty', 'bad-header', 'line-too-long', 'bad-lines', 'count-mismatch', 'bad-signature-file', 'key-mismatch', 'unknown-key', 'digest-mismatch', 'bad-signature', 'expired', 'not-yet-issued', 'aborted']);

describe('list parser and importer under fuzzing', () => {
  it('random bytes never crash the parser: a summary or a ListError', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.integer({ min: 1, max: 50 }), async (data, chunk) => {
      const out = await scanList(stream(data, chunk), { maxLineBytes: 128 }).catch((e) => e);
      if (out instanceof Error) expect(out).toBeInstanceOf(ListError);
      else expect(out.bytes).toBe(data.length);
    }), { numRuns: 300 });
  });

  it('mangled entry lines (wrong types, duplicate keys, junk, truncation, huge) are counted as bad lines, never thrown', async () => {
    const mangled = fc.oneof(
      fc.json(),
      fc.string(),
      fc.record({ uscc: fc.anything(), name: fc.anything(), reason: fc.anything() }).map((r) => JSON.stringify(r)),
      fc.nat(20).map((n) => JSON.stringify(entry(n)).replace('{', '{"name":1,')),
      fc.nat(60).map((n) => JSON.stringify(entry(1)).slice(0, n)),
      fc.constant(`"${'x'.repeat(3000)}"`),
    );
    await fc.assert(fc.asyncProperty(fc.array(mangled, { maxLength: 12 }), async (lines) => {
      const text = ndjson(header(), lines.map((l) => l.replace(/[\r\n]/g, ' ')));
      const s = await scanList(stream(bytes(text), 17), { maxLineBytes: 2048 });
      expect(s.entries + s.badLineCount).toBe(lines.length);
    }), { numRuns: 200 });
  });

  it('a signature of another file, or any flipped byte, never imports anything', async () => {
    const keys = singleKey((await demoKeys()).publicJwk);
    const good = await signed(header(), [1, 2, 3].map(entry));
    const other = await signed(header({ version: 2 }), [1, 2, 3].map(entry));
    await fc.assert(fc.asyncProperty(fc.nat(good.file.length - 1), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (at, xor, swapSig) => {
      const store = await openStore();
      const file = good.file.slice();
      if (!swapSig) file[at] = file[at]! ^ xor;
      const err = await importList(store, stream(file, 13), swapSig ? other.sig : good.sig, { keys, now: () => NOW }).catch((e) => e);
      expect(err).toBeInstanceOf(ListError);
      expect(codes.has(err.code)).toBe(true);
      expect(await store.lists()).toEqual([]);
      expect(await store.countRows('demo-black')).toBe(0);
      store.close();
    }), { numRuns: 60 });
  });
});
