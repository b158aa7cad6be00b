// The zod-free validators must accept, reject and return exactly what the zod schemas they are generated from do.
import fc from 'fast-check';
import { LITE_MODULES } from '../../../../scripts/gen-schemas';
import * as model from '../../../../core/validate/generated/model';
import * as marks from '../../../../core/validate/generated/marks';
import * as trust from '../../../../core/validate/generated/trust';
import * as protocol from '../../../../core/validate/generated/protocol';
import * as status from '../../../../core/validate/generated/status';
import { pageReportValidator } from '../../../../extension/platform/generated/page-report';
import type { Validator } from '../../../../core/validate';
import { Issuer as ZodIssuer } from '../../../../core/trust/schema';
import { parts, SEEDS } from './seeds';

type Zod = { safeParse(v: unknown): { success: boolean; data?: unknown } };
const LITE: Record<string, Record<string, unknown>> = { model, marks, trust, protocol, status, 'page-report': { PageReport: pageReportValidator } };
const PAIRS = LITE_MODULES.flatMap((m) =>
  Object.entries(m.exports)
    .filter(([name, v]) => typeof v === 'object' && v !== null && '_zod' in v && (!m.only || name in m.only))
    .map(([name, zod]) => ({ name: `${m.file}.${name}`, zod: zod as Zod, lite: LITE[m.file]![name] as Validator<unknown> })),
);
const POOL = SEEDS.flatMap((s) => parts(s));
const BIG = (['PageReport', 'CreditStatus', 'MarkPayload', 'TrustList', 'BatchResponse', 'Licence', 'IdentityMark'] as const);

/** Values that probe the edges zod draws: dates, times, URLs, lengths in code points, number ranges, types. */
const EDGES: unknown[] = [
    null, undefined, true, 0, -1, 1, 1.5, 2 ** 40, 2 ** 40 + 1, 2 ** 53, -(2 ** 53), Number.NaN, Infinity, '', 'x', [], {}, [[]], [{}],
    '2026-02-28', '2026-02-29', '2024-02-29', '2026-02-30', '2100-02-29', '2000-02-29', '2026-13-01', '2026-1-01',
    '2026-11-21T10:00:00Z', '2026-11-21T24:00:00Z', '2026-11-21T23:59:60Z', '2026-11-21T10:00:00+08:00', '2026-11-21T10:00:00', '2026-11-21T10:00:00.123456Z', '2026-11-21t10:00:00z', '2026-11-21T10:00Z', '2026-11-21T10:00:00+0800',
    'https://example.com', ' https://x.cn/a ', 'https://exa\nmple.com', 'http:/x', 'http:x', 'not a url', 'javascript:alert(1)', 'mailto:a@b.cn', 'a:b', '//x', 'https://', 'https://[::1]/', '\thttps://x.cn\t',
    'https://shop.example.com', 'https://Shop.example.com', 'https://shop.example.com/', 'http://127.0.0.1:8080', '/shop/1/', '/shop/1', '/shop//1/', '/shop/../1/', '/shop/%2e/', '/a%2F/',
    '91330106673959654P', '91330106673959654p', 'OKP', 'Ed25519', 'xinbiao-trust/1', 'company', 'individual-seller', '长期', '王*明', '王明',
    '😀'.repeat(100), '😀'.repeat(101), '😀'.repeat(200), '😀'.repeat(201), 'a'.repeat(4000), 'a'.repeat(4001), '\uD800'.repeat(3), '\uD83D', 'x'.repeat(100_000),
];
const edge = fc.oneof(
  fc.constantFrom(...EDGES),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.nat(4100).chain((n) => fc.constantFrom('a', '中', '😀').map((c) => c.repeat(n))),
  fc.anything({ maxDepth: 2 }),
);

/** A copy of `seed` with one to three changes: a key dropped or added, a value replaced, a value wrapped in an array. */
const mutated = (seed: unknown) =>
  fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'set', 'extra', 'wrap'), edge, fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 3 }).map((changes) => {
    const root: Record<string, unknown> = { v: structuredClone(seed) };
    for (const [at, op, value, key] of changes) {
      const slots: [Record<string, unknown>, string][] = [];
      const walk = (o: unknown) => {
        if (!o || typeof o !== 'object') return;
        for (const k of Object.keys(o)) {
          slots.push([o as Record<string, unknown>, k]);
          walk((o as Record<string, unknown>)[k]);
        }
      };
      walk(root);
      const [obj, k] = slots[at % slots.length] ?? [root, 'v'];
      if (op === 'drop') delete obj[k];
      else if (op === 'set') obj[k] = value;
      else if (op === 'wrap') obj[k] = [obj[k]];
      else if (obj[k] && typeof obj[k] === 'object') (obj[k] as Record<string, unknown>)[key] = value;
    }
    return root.v;
  });

function agree(p: (typeof PAIRS)[number], value: unknown) {
  const z = p.zod.safeParse(value);
  const l = p.lite.safeParse(value);
  expect(l.success, `${p.name} ${JSON.stringify(value)?.slice(0, 300)}`).toBe(z.success);
  if (z.success && l.success) expect(l.data).toStrictEqual(z.data);
  return z.success;
}

describe('generated validators agree with zod', () => {
  it('covers every schema of the generated modules', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(28);
    for (const p of PAIRS) expect(typeof p.lite?.safeParse, p.name).toBe('function');
  });

  for (const p of PAIRS) {
    it(`${p.name}: the seeds and all their parts`, () => {
      const seeds = POOL.filter((v) => p.zod.safeParse(v).success);
      expect(seeds.length, 'at least one valid seed').toBeGreaterThan(0);
      for (const v of POOL) agree(p, v);
    });

    it(`${p.name}: mutated seeds and random values`, () => {
      const seeds = POOL.filter((v) => p.zod.safeParse(v).success);
      let accepted = 0;
      let rejected = 0;
      fc.assert(
        fc.property(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...seeds).chain(mutated) }, { weight: 1, arbitrary: edge }), (v) => {
          if (agree(p, v)) accepted++;
          else rejected++;
        }),
        { numRuns: BIG.some((b) => p.name.endsWith(`.${b}`)) ? 3000 : 400, seed: 20261121 },
      );
      expect(rejected).toBeGreaterThan(0);
      expect(accepted).toBeGreaterThan(0);
    });
  }

  it('every leaf of every small seed replaced by every edge value', () => {
    let checked = 0;
    for (const p of PAIRS) {
      for (const seed of POOL.filter((v) => p.zod.safeParse(v).success)) {
        const paths: string[][] = [];
        const walk = (o: unknown, at: string[]) => {
          if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, [...at, k]);
          else if (at.length) paths.push(at);
        };
        walk(seed, []);
        if (paths.length > 40) continue;
        for (const path of paths) {
          for (const value of EDGES) {
            const copy = structuredClone(seed) as Record<string, unknown>;
            const parent = path.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, copy);
            parent[path.at(-1)!] = value;
            agree(p, copy);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  }, 90_000);

  it('random strings decide the string schemas alike (patterns, lengths, formats)', () => {
    const strings = PAIRS.filter((p) => ['model.Uscc', 'trust.OriginPattern'].includes(p.name));
    fc.assert(fc.property(edge, fc.stringMatching(/^[0-9A-Z]{18}$/), (a, b) => strings.forEach((p) => (agree(p, a), agree(p, b)))), { numRuns: 2000 });
  });
});

describe('patterns count characters as the validator does (code points, Unicode mode)', () => {
  it('an issuer’s check page of 300 astral characters is within its 400 characters for zod and the validator alike', () => {
    const issuer = {
      id: 'demo-platform', name: '示例平台', kind: 'platform', origins: ['https://shop.example.cn'], revoked: [],
      keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: 'k1', from: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z' }],
      check: `https://shop.example.cn/${'😀'.repeat(300)}`,
    };
    expect(trust.Issuer.safeParse(issuer).success).toBe(true);
    expect(ZodIssuer.safeParse(issuer).success).toBe(true);
  });
});
