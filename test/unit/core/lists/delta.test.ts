import { singleKey } from '../../../../core/lists/checks';
import { applyDelta, diffLists } from '../../../../core/lists/delta';
import { importList } from '../../../../core/lists/import';
import { idbLocalLists } from '../../../../core/lists/local-lists';
import { signList } from '../../../../core/lists/sign';
import { rowsOf, type ListStore } from '../../../../core/lists/store';
import { NOW, bytes, demoKeys, entry, header, openStore, signed, stream } from './support';

const opts = async () => ({ keys: singleKey((await demoKeys()).publicJwk), now: () => NOW, batchSize: 7 });

// Three editions of one list: v2 drops some, changes one reason and adds new ones; v3 churns again.
const v1Lines = Array.from({ length: 40 }, (_, i) => entry(i));
const v2Lines = [...v1Lines.filter((_, i) => i % 5 !== 0).map((e, i) => (i === 3 ? { ...e, reason: '已变更的原因' } : e)), ...Array.from({ length: 6 }, (_, i) => entry(100 + i))];
const v3Lines = [...v2Lines.filter((_, i) => i % 7 !== 1), entry(200), { ...entry(1), reason: '重复条目' }];
const files = async () => ({
  v1: await signed(header({ version: 1, count: v1Lines.length }), v1Lines),
  v2: await signed(header({ version: 2, count: v2Lines.length }), v2Lines),
  v3: await signed(header({ version: 3, count: v3Lines.length }), v3Lines),
});

async function delta(from: Uint8Array, to: Uint8Array) {
  let text = '';
  await diffLists(() => stream(from, 333), () => stream(to, 333), { line: (l) => void (text += l) }, NOW);
  const file = bytes(text);
  return { file, sig: JSON.stringify(await signList(file, (await demoKeys()).privateJwk)) };
}

/** Everything a lookup can see: the list record and every entry in force, as sorted JSON lines. */
async function state(store: ListStore) {
  const [list] = await store.lists();
  const rows = (await store.db.getAll('entries')).filter((r) => r.list === list!.id && r.version === rowsOf(list!));
  return { version: list!.version, sha256: list!.sha256, count: list!.count, lines: rows.map((r) => JSON.stringify(r.line)).sort() };
}

async function fullState(file: { file: Uint8Array; sig: string }) {
  const store = await openStore();
  await importList(store, stream(file.file), file.sig, await opts());
  return state(store);
}

describe('signed deltas', () => {
  it('v1 + Δ(1→2) + Δ(2→3), v2 + Δ(2→3) and the full v3 give the same state; lookups follow', async () => {
    const f = await files();
    const d12 = await delta(f.v1.file, f.v2.file);
    const d23 = await delta(f.v2.file, f.v3.file);
    const want = await fullState(f.v3);
    expect(want.count).toBe(v3Lines.length);

    const chain = await openStore();
    await importList(chain, stream(f.v1.file), f.v1.sig, await opts());
    expect(await applyDelta(chain, stream(d12.file), d12.sig, await opts())).toMatchObject({ outcome: 'applied', list: { version: 2 } });
    expect(await state(chain)).toEqual(await fullState(f.v2));
    expect(await applyDelta(chain, stream(d23.file), d23.sig, await opts())).toMatchObject({ outcome: 'applied', list: { version: 3 } });
    expect(await state(chain)).toEqual(want);

    const fromV2 = await openStore();
    await importList(fromV2, stream(f.v2.file), f.v2.sig, await opts());
    await applyDelta(fromV2, stream(d23.file), d23.sig, await opts());
    expect(await state(fromV2)).toEqual(want);

    const lists = idbLocalLists(chain);
    expect(await lists.byUscc(entry(0).uscc)).toEqual([]);
    expect(await lists.byUscc(entry(200).uscc)).toEqual([expect.objectContaining({ list: expect.objectContaining({ version: 3 }) })]);
    expect((await lists.byUscc(entry(1).uscc)).map((m) => (m.line as { reason: string }).reason).sort()).toEqual(['虚假宣传，情节严重', '重复条目']);
    // A full import after deltas replaces the delta-built rows as usual.
    const v4 = await signed(header({ version: 4, count: 1 }), [entry(300)]);
    await importList(chain, stream(v4.file), v4.sig, await opts());
    expect(await chain.countRows('demo-black')).toBe(1);
  });

  it('a 0.5% churn makes a delta of only the changed lines', async () => {
    const base = Array.from({ length: 2000 }, (_, i) => entry(i));
    const next = [...base.slice(5), ...Array.from({ length: 5 }, (_, i) => entry(5000 + i))];
    const a = await signed(header({ count: base.length }), base);
    const b = await signed(header({ version: 2, count: next.length }), next);
    const d = await delta(a.file, b.file);
    const lines = new TextDecoder().decode(d.file).trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'xinbiao-delta/1', from: { version: 1 }, to: { version: 2, count: 2000 }, count: 10 });
    expect(lines.slice(1).map((l) => JSON.parse(l).op).join('')).toBe('-----+++++');
  });

  describe('refusals leave the previous state and say why in both languages', () => {
    async function atV2() {
      const f = await files();
      const store = await openStore();
      await importList(store, stream(f.v1.file), f.v1.sig, await opts());
      const d12 = await delta(f.v1.file, f.v2.file);
      await applyDelta(store, stream(d12.file), d12.sig, await opts());
      return { f, store, d12, before: await state(store) };
    }
    async function refused(store: ListStore, before: unknown, file: Uint8Array, sig: string, code: string) {
      const err = await applyDelta(store, stream(file), sig, await opts()).catch((e) => e);
      expect(err.code).toBe(code);
      expect(err.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(err.en).toMatch(/[a-z]/);
      expect(await state(store)).toEqual(before);
    }

    it('tampered: a changed operation line', async () => {
      const { f, store, before } = await atV2();
      const d23 = await delta(f.v2.file, f.v3.file);
      const text = new TextDecoder().decode(d23.file).replace('"op":"+"', '"op":"-"');
      await refused(store, before, bytes(text), d23.sig, 'digest-mismatch');
    });

    it('truncated: the last operations cut off', async () => {
      const { f, store, before } = await atV2();
      const d23 = await delta(f.v2.file, f.v3.file);
      await refused(store, before, d23.file.slice(0, d23.file.length - 40), d23.sig, 'digest-mismatch');
    });

    it('replayed: the delta already applied is a no-op; an older one is refused', async () => {
      const { f, store, d12, before } = await atV2();
      expect(await applyDelta(store, stream(d12.file), d12.sig, await opts())).toMatchObject({ outcome: 'unchanged' });
      const d23 = await delta(f.v2.file, f.v3.file);
      await applyDelta(store, stream(d23.file), d23.sig, await opts());
      await refused(store, await state(store), d12.file, d12.sig, 'older-version');
      expect(before.version).toBe(2);
    });

    it('rollback: a signed delta leading back to an older version', async () => {
      const { f, store, before } = await atV2();
      let text = '';
      await diffLists(() => stream(f.v1.file), () => stream(f.v2.file), { line: (l) => void (text += l) }, NOW);
      const [head, ...ops] = text.trimEnd().split('\n');
      const back = { ...JSON.parse(head!), from: { version: 2, sha256: before.sha256 }, to: { ...JSON.parse(head!).to, version: 1 } };
      const file = bytes([JSON.stringify(back), ...ops].join('\n') + '\n');
      await refused(store, before, file, JSON.stringify(await signList(file, (await demoKeys()).privateJwk)), 'older-version');
    });

    it('does not apply: a delta from another version, or one whose removal finds nothing', async () => {
      const { f, store, before } = await atV2();
      const d13 = await delta(f.v1.file, f.v3.file);
      await refused(store, before, d13.file, d13.sig, 'delta-mismatch');
      const d23 = await delta(f.v2.file, f.v3.file);
      const text = new TextDecoder().decode(d23.file).replace(/"op":"-","entry":\{"reason":"[^"]*"/, '"op":"-","entry":{"reason":"不存在的条目"');
      const file = bytes(text);
      await refused(store, before, file, JSON.stringify(await signList(file, (await demoKeys()).privateJwk)), 'delta-mismatch');
    });

    it('signed by another key', async () => {
      const { f, store, before } = await atV2();
      const d23 = await delta(f.v2.file, f.v3.file);
      const { generateKeyPair } = await import('../../../../core/crypto/ed25519');
      const rogue = await generateKeyPair('demo-lists-2026');
      await refused(store, before, d23.file, JSON.stringify(await signList(d23.file, rogue.privateJwk)), 'bad-signature');
    });
  });
});
