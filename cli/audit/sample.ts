import { drawSample } from '../../core/audit';

/** Seed from a string (FNV-1a), so `--seed march-2026` works as well as `--seed 42`; digits alone are the number. */
export function seedOf(seed: string): number {
  if (/^\d+$/.test(seed)) return Number(seed) >>> 0;
  let h = 0x811c9dc5;
  for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

/** Picks n items without replacement, kept in input order: `drawSample` (core/audit/campaign.ts) over a list. */
export function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  return drawSample(items.length, n, seed).map((i) => items[i]!);
}
