import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublicJwk } from '../../core/crypto/ed25519';
import { Sha256 } from '../../core/crypto/sha256';
import { isValidUscc } from '../../core/identifiers';
import { CreditLevelLine, ListHeader, ListLine, ListSignature, verifyListDigest } from '../../core/lists';
import { verifyMark } from '../../core/marks';
import { findKey, verifyTrustList, type TrustList } from '../../core/trust';

const DIR = join(__dirname, '..', '..', 'samples');
const read = (p: string) => readFileSync(join(DIR, p), 'utf8');
const index = JSON.parse(read('index.json'));
const NOW = Date.parse(index.now);
const root = JSON.parse(read(index.root.publicKey)) as PublicJwk;

let trust: TrustList;
beforeAll(async () => {
  const r = await verifyTrustList(read(index.trust.jws), root, NOW);
  if (!r.ok) throw new Error(`${r.error}: ${r.detail}`);
  trust = r.trust;
});

describe('sample data', () => {
  it('the trust list names the demo platform (127.0.0.1 and localhost, any port), the demo credit office, 示例优选 with its status list and the demo adapter publisher', () => {
    expect(trust.issuers.map((i) => [i.id, i.name, i.kind])).toEqual([['demo-platform', '示例商城', 'platform'], ['demo-credit-office', '示例信用办', 'list-publisher'], ['demo-select', '示例优选', 'platform'], ['demo-adapters', '示例适配数据发布者', 'adapter-publisher']]);
    expect(trust.issuers[0]!.origins).toEqual(['http://127.0.0.1:*', 'http://localhost:*']);
    expect(trust.issuers[0]!.statusList).toBeUndefined();
    expect(trust.issuers[2]!.statusList).toBe('http://127.0.0.1:8080/status/demo-select.jws');
  });

  it('the marks of 示例优选 carry their status index and, without the status list at hand, are status-unknown, never genuine', async () => {
    expect(index.revocable.map((s: { slug: string; statusIdx: number; expectedMark: string }) => [s.slug, s.statusIdx, s.expectedMark])).toEqual([['zaixian', 1207, 'genuine'], ['chehui', 5381, 'revoked']]);
    expect(index.statusLists[0].revoked).toEqual([5381]);
    for (const s of index.revocable) {
      const r = await verifyMark(read(s.mark), { trust, pageUrl: s.url, now: NOW });
      expect([r.outcome, r.payload?.status?.idx]).toEqual(['status-unknown', s.statusIdx]);
    }
  });

  it('the trust list is still valid in 2036 so tests do not rot', async () => {
    expect((await verifyTrustList(read(index.trust.jws), root, Date.parse('2036-10-01T00:00:00Z'))).ok).toBe(true);
  });

  it('every list file parses line by line and its signature verifies with the publisher key from the trust list', async () => {
    const kinds = [];
    for (const l of index.lists) {
      const bytes = readFileSync(join(DIR, l.file));
      const lines = bytes.toString('utf8').trimEnd().split('\n').map((x) => JSON.parse(x));
      const header = ListHeader.parse(lines[0]);
      kinds.push(header.kind);
      expect(header.count).toBe(lines.length - 1);
      for (const line of lines.slice(1)) {
        (header.kind === 'credit-level' ? CreditLevelLine : ListLine).parse(line);
        expect(line.name).toContain('示例');
        if (line.uscc) expect(isValidUscc(line.uscc), line.uscc).toBe(true);
      }
      const sig = ListSignature.parse(JSON.parse(read(l.sig)));
      const key = findKey(trust, sig.keyId, NOW, { role: 'list-publisher', publisher: header.publisher.id });
      expect('error' in key).toBe(false);
      if ('error' in key) continue;
      expect(key.issuer.id).toBe('demo-credit-office');
      expect(await verifyListDigest(sig, new Sha256().update(bytes).digest(), bytes.length, key.key)).toBe('ok');
    }
    expect(kinds.sort()).toEqual(['abnormal', 'black', 'credit-level', 'red']);
  });

  it('includes an expired entry and a repaired entry', () => {
    const all = index.lists.flatMap((l: { file: string }) => read(l.file).trimEnd().split('\n').slice(1).map((x) => JSON.parse(x)));
    expect(all.some((e: ListLine) => e.until && Date.parse(e.until) < NOW)).toBe(true);
    expect(all.some((e: ListLine) => e.repairedAt)).toBe(true);
  });

  it('every shop mark verifies as the manifest expects on its page (the counterfeit shows a copied mark)', async () => {
    const outcomes: Record<string, string> = {};
    for (const s of index.shops) {
      expect(s.name).toContain('示例');
      if (s.uscc) expect(isValidUscc(s.uscc)).toBe(true);
      const r = await verifyMark(read(s.mark), { trust, pageUrl: s.url, now: NOW });
      outcomes[s.slug] = r.outcome;
      expect(r.outcome, s.slug).toBe(s.expectedMark);
    }
    expect(outcomes['fake-youpin']).toBe('copied');
    expect(Object.values(outcomes).filter((o) => o === 'genuine')).toHaveLength(index.shops.length - 1);
  });

  it('the individual seller mark is masked and carries a self-declaration', async () => {
    const s = index.shops.find((x: { kind: string }) => x.kind === 'individual-seller');
    const r = await verifyMark(read(s.mark), { trust, pageUrl: s.url, now: NOW });
    expect(r.payload?.identity.realName).toMatch(/\*/);
    expect(r.payload?.identity.selfDeclaration?.exemption).toBe('handicraft');
    expect(r.payload?.sub.uscc).toBeUndefined();
  });

  it('every bad mark gives its named outcome', async () => {
    const seen = [];
    for (const b of index.badMarks) {
      const r = await verifyMark(read(b.file), { trust, pageUrl: b.url, now: NOW });
      expect(r.outcome, b.file).toBe(b.expectedMark);
      seen.push(r.outcome);
    }
    expect(seen.sort()).toEqual(['expired', 'malformed', 'revoked-key', 'tampered', 'unknown-issuer']);
  });

  it('marks stay valid until 2036', async () => {
    const s = index.shops[0];
    expect((await verifyMark(read(s.mark), { trust, pageUrl: s.url, now: Date.parse('2036-10-01T00:00:00Z') })).outcome).toBe('genuine');
  });
});

describe('gen-samples', () => {
  it('regenerates the committed files byte for byte', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(join(tmpdir(), 'xinbiao-samples-'));
    try {
      const r = spawnSync('node', ['--import', 'tsx', 'scripts/gen-samples.ts', out], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const files = (readdirSync(out, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(out.length + 1)).sort();
      expect(files.length).toBeGreaterThan(20);
      for (const file of files) expect(readFileSync(join(out, file), 'utf8'), file).toBe(read(file));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
