import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listKeys } from '../../../core/trust';
import { verifyTrustList } from '../../../core/trust/verify';
import { loadListIndex } from '../../../server/list-index';

const SAMPLES = join(import.meta.dirname, '../../../samples');
const FIXTURES = join(import.meta.dirname, '../../fixtures/sites/lists');
const NOW = Date.parse('2026-11-21T00:00:00+08:00');

describe('the server list loader and key roles', () => {
  it('leaves out a list signed with a platform key, as wrong-role, and keeps the sample lists', async () => {
    const root = JSON.parse(await readFile(join(SAMPLES, 'keys/demo-root-2026.public.jwk.json'), 'utf8'));
    const trust = await verifyTrustList((await readFile(join(SAMPLES, 'trust/trust.jws'), 'utf8')).trim(), root, NOW);
    if (!trust.ok) throw new Error(`${trust.error}: ${trust.detail}`);
    const dir = await mkdtemp(join(tmpdir(), 'xinbiao-roles-'));
    for (const f of ['platform-signed.ndjson', 'platform-signed.ndjson.sig']) await copyFile(join(FIXTURES, f), join(dir, f));
    for (const f of ['demo-red.ndjson', 'demo-red.ndjson.sig']) await copyFile(join(SAMPLES, 'lists', f), join(dir, f));
    const index = await loadListIndex(dir, { keys: listKeys(trust.trust, () => NOW), now: NOW });
    expect(index.problems).toMatchObject([{ file: 'platform-signed.ndjson', code: 'wrong-role', zh: expect.stringContaining('平台密钥只能签发店铺标识') }]);
    expect((await index.lists()).map((l) => l.id)).toEqual(['demo-red']);
    expect(await index.byUscc('91330106MA2CFE8A4U')).toEqual([]);
  });
});
