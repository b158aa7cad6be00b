/** Seed from a string (FNV-1a), so `--seed march-2026` works as well as `--seed 42`; digits alone are the number. */
export function seedOf(seed: string): number {
  if (/^\d+$/.test(seed)) return Number(seed) >>> 0;
  let h = 0x811c9dc5;
  for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}
