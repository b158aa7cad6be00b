import { describe, expect, it } from 'vitest';
import { toRows, type StoredList } from '../../../../core/lists/store';
import { normaliseName } from '../../../../core/lists/normalise-name';
import { entry, header, openStore } from './support';

const info = (version: number): StoredList => ({
  ...header({ version }), importedAt: '2026-11-20T08:00:00.000Z', count: 1, keyId: 'demo-lists-2026', sha256: '00'.repeat(32),
} as unknown as StoredList);

describe('lookups answer only from the version in force', () => {
  it('never from rows staged for a newer version that was not committed', async () => {
    const store = await openStore();
    await store.beginStaging('demo-black', 1, 0);
    await store.putRows(toRows('demo-black', 1, [{ line: 2, entry: entry(1) }]));
    await store.commit(info(1));
    // Version 2 is staged (an import still running, or one that died) but never swapped in.
    await store.beginStaging('demo-black', 2, 0);
    await store.putRows(toRows('demo-black', 2, [{ line: 2, entry: entry(2) }, { line: 3, entry: entry(1) }]));

    expect(await store.match('uscc', entry(2).uscc)).toEqual([]);
    const hits = await store.match('uscc', entry(1).uscc);
    expect(hits.map((h) => h.row.version)).toEqual([1]);
  });

  it('never from rows of a list that has no version in force yet', async () => {
    const store = await openStore();
    await store.beginStaging('demo-black', 1, 0);
    await store.putRows(toRows('demo-black', 1, [{ line: 2, entry: entry(3) }]));
    expect(await store.match('uscc', entry(3).uscc)).toEqual([]);
    expect(await store.match('name', normaliseName(entry(3).name))).toEqual([]);
  });
});
