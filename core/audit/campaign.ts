// 双随机 spot-checks weighted by credit (信用分级分类监管): who is drawn, in which credit class, checked by whom.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import * as z from 'zod/mini';
import type { CreditLevel, CreditStatus } from '../model/schema';
import { assembleStatus } from '../sources/assemble';
import { listMatchesToParts } from '../sources/from-lists';
import type { ListMatch } from '../sources/ports';
import { decideVerdict, levelInForce, TOP_LEVELS, type Verdict } from '../verdict';

/**
 * Credit classes of the weighted draw, from worst to best: on a black (or seriously-dishonest, judgment-defaulter)
 * list; on the abnormal-operations list; any other caution or danger of the badge's verdict; nothing on record either
 * way; on a red list, carrying a genuine mark, or rated at the top level of a scheme.
 */
export const CREDIT_CLASSES = ['black', 'abnormal', 'caution', 'no-record', 'red-top'] as const;
export type CreditClass = (typeof CREDIT_CLASSES)[number];

/** Bilingual names of the classes, for reports. */
export const CLASS_LABEL: Record<CreditClass, { zh: string; en: string }> = {
  black: { zh: '黑名单', en: 'Black list' },
  abnormal: { zh: '经营异常', en: 'Abnormal operations' },
  caution: { zh: '需警示', en: 'Caution' },
  'no-record': { zh: '无记录', en: 'No record' },
  'red-top': { zh: '红名单或最高等级', en: 'Red list or top level' },
};

const BLACK_REASONS = new Set(['list.black', 'list.seriously-dishonest', 'list.judgment-defaulter']);

/** The class of a verdict; `status` (the same status the verdict was decided on) tells a top credit level in force. */
export function classOfVerdict(verdict: Verdict, status: CreditStatus | undefined, now: number): CreditClass {
  const codes = new Set(verdict.reasons.map((r) => r.code));
  if ([...codes].some((c) => BLACK_REASONS.has(c))) return 'black';
  if (codes.has('list.abnormal')) return 'abnormal';
  if (verdict.level === 'danger' || verdict.level === 'caution') return 'caution';
  if (verdict.level === 'good') return 'red-top';
  const top = status?.creditLevels.some((l) => levelInForce(l, now) && TOP_LEVELS[l.scheme].includes(l.level));
  return top ? 'red-top' : 'no-record';
}

/**
 * The credit class of a listing from what the credit lists say about its operator, decided by the badge's verdict
 * (core/verdict, lists checked). No status (unknown code, or no code) is `no-record`.
 */
export function creditClassOf(status: CreditStatus | undefined, now: number): CreditClass {
  return classOfVerdict(decideVerdict({ ...(status ? { status } : {}), listsChecked: true, now }), status, now);
}

/** The class of an operator from its matches in the local credit lists, assembled the way the badge's status is. */
export function creditClassOfMatches(matches: readonly ListMatch[], now: number): CreditClass {
  return creditClassOf(assembleStatus({ lists: listMatchesToParts(matches, now), now }), now);
}

const rate = z.number().check(z.minimum(0), z.maximum(1));

/** `--weights` file: a sampling rate from 0 to 1 per credit class; a class left out is not drawn. */
export const Weights = z.strictObject({
  black: z.optional(rate),
  abnormal: z.optional(rate),
  caution: z.optional(rate),
  'no-record': z.optional(rate),
  'red-top': z.optional(rate),
});
export type Weights = z.infer<typeof Weights>;

const name = z.string().check(z.minLength(1), z.maxLength(100));

/** `--inspectors` file: the inspectors (执法检查人员) to assign, and how many check each listing (default 1). */
export const Inspectors = z.strictObject({
  inspectors: z.array(z.strictObject({ id: name, name: z.optional(name) })).check(z.minLength(1), z.maxLength(10_000)),
  perListing: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10))),
});
export type Inspectors = z.infer<typeof Inspectors>;

/** One member of the population: its position in the population, and its class when the draw is weighted. */
export interface Member {
  index: number;
  creditClass?: CreditClass;
}

/** Per class: how many the population holds, the rate, and how many were drawn (round(rate × count), halves up). */
export interface ClassDraw {
  creditClass: CreditClass;
  population: number;
  rate: number;
  drawn: number;
}

/** The draw: the population positions chosen (ascending) and, when weighted, the counts per class. */
export interface Draw {
  chosen: number[];
  byClass?: ClassDraw[];
}

/** Draws `n` of `indices` without replacement by a partial Fisher–Yates shuffle on `rng`. */
function drawFrom(indices: readonly number[], n: number, rng: ReturnType<typeof xoroshiro128plus>): number[] {
  const idx = [...indices];
  const take = Math.min(n, idx.length);
  for (let i = 0; i < take; i++) {
    const j = uniformInt(rng, i, idx.length - 1);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, take);
}

/**
 * Draws `n` of a population of `size` with the seed (xoroshiro128+ from pure-rand; the same seed, size and n give the
 * same positions on every machine), returned in ascending order.
 */
export function drawSample(size: number, n: number, seed: number): number[] {
  if (n >= size) return Array.from({ length: size }, (_, i) => i);
  return drawFrom(Array.from({ length: size }, (_, i) => i), n, xoroshiro128plus(seed)).sort((a, b) => a - b);
}

/**
 * The weighted draw: for each class in CREDIT_CLASSES order, round(rate × class size) members (halves up) drawn from
 * that class by one seeded stream. Re-derivable from the seed and the classed population alone.
 */
export function drawWeighted(population: readonly Member[], weights: Weights, seed: number): Draw {
  const rng = xoroshiro128plus(seed);
  const chosen: number[] = [];
  const byClass = CREDIT_CLASSES.map((c): ClassDraw => {
    const members = population.filter((m) => m.creditClass === c).map((m) => m.index);
    const r = weights[c] ?? 0;
    const drawn = drawFrom(members, Math.floor(r * members.length + 0.5), rng);
    chosen.push(...drawn);
    return { creditClass: c, population: members.length, rate: r, drawn: drawn.length };
  });
  return { chosen: chosen.sort((a, b) => a - b), byClass };
}

/**
 * 双随机's second draw: the chosen listings are shuffled on a stream independent of the selection (the seed's
 * generator jumped 2^64 steps, so the inspectors file never changes which listings are drawn) and dealt in turn to the
 * inspectors, themselves in shuffled order, `perListing` distinct inspectors each. Loads differ by at most one.
 * @returns for each chosen listing (same order as `chosen`), the ids of its inspectors.
 */
export function assignInspectors(chosen: readonly number[], inspectors: Inspectors, seed: number): string[][] {
  const rng = xoroshiro128plus(seed);
  rng.jump();
  const people = drawFrom(inspectors.inspectors.map((_, i) => i), inspectors.inspectors.length, rng).map((i) => inspectors.inspectors[i]!.id);
  const order = drawFrom(chosen.map((_, i) => i), chosen.length, rng);
  const k = Math.min(inspectors.perListing ?? 1, people.length);
  const out: string[][] = chosen.map(() => []);
  let next = 0;
  for (const i of order) {
    for (let j = 0; j < k; j++) out[i]!.push(people[(next + j) % people.length]!);
    next += k;
  }
  return out;
}
