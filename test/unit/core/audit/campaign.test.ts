import { loadContext } from '../../../../cli/audit/context';
import { planRun } from '../../../../cli/audit/plan';
import { assignInspectors, creditClassOfMatches, drawWeighted, Inspectors, Weights, type CreditClass, type Member } from '../../../../core/audit';

// A population with known classes: 10 black, 20 abnormal, 30 caution, 40 no record, 50 red or top level.
const SIZES: Record<CreditClass, number> = { black: 10, abnormal: 20, caution: 30, 'no-record': 40, 'red-top': 50 };
const population: Member[] = Object.entries(SIZES).flatMap(([c, n]) => Array.from({ length: n }, () => c as CreditClass)).map((creditClass, index) => ({ index, creditClass }));
const weights: Weights = { black: 1, abnormal: 0.5, caution: 0.3, 'no-record': 0.1, 'red-top': 0.02 };
const inspectors: Inspectors = { inspectors: [{ id: 'A01', name: '张' }, { id: 'A02' }, { id: 'A03' }, { id: 'A04' }], perListing: 2 };

describe('weighted sampling by credit class', () => {
  it('draws round(rate × class size) from each class, and states it', () => {
    const d = drawWeighted(population, weights, 7);
    expect(d.byClass).toEqual([
      { creditClass: 'black', population: 10, rate: 1, drawn: 10 },
      { creditClass: 'abnormal', population: 20, rate: 0.5, drawn: 10 },
      { creditClass: 'caution', population: 30, rate: 0.3, drawn: 9 },
      { creditClass: 'no-record', population: 40, rate: 0.1, drawn: 4 },
      { creditClass: 'red-top', population: 50, rate: 0.02, drawn: 1 },
    ]);
    const drawnPerClass = (c: CreditClass) => d.chosen.filter((i) => population[i]!.creditClass === c).length;
    expect([drawnPerClass('black'), drawnPerClass('abnormal'), drawnPerClass('caution'), drawnPerClass('no-record'), drawnPerClass('red-top')]).toEqual([10, 10, 9, 4, 1]);
    expect(new Set(d.chosen).size).toBe(34);
  });
  it('is re-derived from the seed and population, and another seed draws others', () => {
    expect(drawWeighted(population, weights, 7)).toEqual(drawWeighted(population, weights, 7));
    expect(drawWeighted(population, weights, 8).chosen).not.toEqual(drawWeighted(population, weights, 7).chosen);
  });
  it('a class without a rate is not drawn; rates outside 0–1 and unknown classes are refused', () => {
    expect(drawWeighted(population, { black: 1 }, 1).chosen).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(Weights.safeParse({ black: 1.5 }).success).toBe(false);
    expect(Weights.safeParse({ gold: 0.5 }).success).toBe(false);
  });
});

describe('双随机 inspector assignment', () => {
  const chosen = drawWeighted(population, weights, 7).chosen;
  it('is the same for the same seed and different for another', () => {
    expect(assignInspectors(chosen, inspectors, 7)).toEqual(assignInspectors(chosen, inspectors, 7));
    expect(assignInspectors(chosen, inspectors, 8)).not.toEqual(assignInspectors(chosen, inspectors, 7));
  });
  it('gives each listing perListing distinct inspectors and balanced loads', () => {
    const a = assignInspectors(chosen, inspectors, 7);
    expect(a).toHaveLength(34);
    for (const who of a) expect(new Set(who).size).toBe(2);
    const load = (id: string) => a.filter((w) => w.includes(id)).length;
    expect(['A01', 'A02', 'A03', 'A04'].map(load)).toEqual([17, 17, 17, 17]);
  });
  it('does not change which listings are drawn', async () => {
    const ctx = await loadContext();
    const pop = Array.from({ length: 30 }, (_, i) => ({ input: `https://shop.example/${i}` }));
    const a = await planRun(pop, ctx.lists, { sample: 5, seedText: 's' }, Date.now());
    const b = await planRun(pop, ctx.lists, { sample: 5, seedText: 's', inspectors }, Date.now());
    expect(b.chosen).toEqual(a.chosen);
    expect(b.assigned).toHaveLength(5);
  });
});

describe('credit classes from the badge verdict over the demo lists', () => {
  it.each([
    ['91990000MA5G3R035Y', 'black'], // demo black list, in force
    ['92990000MA8T4W04X1', 'abnormal'], // demo abnormal list
    ['91310115MA1C9J06XQ', 'no-record'], // a black entry that ended in 2025: it counts no more
    ['91110108MA0L6P058G', 'no-record'], // abnormal entry repaired: counts no more
    ['91990000MA1N8K024W', 'red-top'], // demo red list
    ['91990000MA2H7Q013E', 'red-top'], // tax level A
    ['91350100M000100Y43', 'no-record'], // on no list
  ])('%s → %s', async (uscc, expected) => {
    const ctx = await loadContext();
    expect(creditClassOfMatches(await ctx.lists.byUscc(uscc), Date.now())).toBe(expected);
  });
});
