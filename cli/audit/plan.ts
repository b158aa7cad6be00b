import { readFileSync } from 'node:fs';
import {
  assignInspectors, creditClassOfMatches, drawSample, drawWeighted, Inspectors, Weights,
  type ClassDraw, type PopulationEntry, type RunRecord,
} from '../../core/audit';
import { toCsv } from '../../core/audit';
import { firstIssuePair } from '../../core/model';
import type { LocalLists } from '../../core/sources';
import { UsageError, both, notJson, oneLine } from '../io';
import { seedOf } from './sample';

/** How to choose from the population: `--sample N`, `--weights` rates, `--inspectors`, all with one seed. */
export interface PlanOptions {
  sample?: number;
  seedText: string;
  weights?: Weights;
  inspectors?: Inspectors;
}

/** The population, what was drawn (positions, ascending) and, per drawn listing, its inspectors. */
export interface Plan {
  population: PopulationEntry[];
  chosen: number[];
  assigned?: string[][];
  sample: RunRecord['sample'];
}

/** Lists with nothing in them: a draw that is not weighted never looks a listing up. */
export const NO_LISTS: LocalLists = { byUscc: async () => [], byName: async () => [], lists: async () => [] };

/** The generator behind every draw, named in the run record so a reader can re-derive it. */
export const GENERATOR = 'pure-rand 8 xoroshiro128plus, uniformInt, partial Fisher-Yates';

/**
 * Reads and validates a JSON file against a schema; any problem is a usage error naming the file and the field, in both
 * languages on one line (a parser's message quotes the file, line breaks included).
 */
export function readJsonFile<T>(file: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof firstIssuePair>[0] } }, what: string): T {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(both(`${what} 无法读取 ${file}：${why}`, `${what} cannot read ${file}: ${why}`));
  }
  let value: unknown;
  try { value = JSON.parse(text); } catch (err) {
    const [zh, en] = notJson(err);
    throw new UsageError(oneLine(both(`${what} ${file} ${zh}`, `${what} ${file} ${en}`)));
  }
  // Names and ids end up in the campaign database, whose text refuses a NUL.
  if (JSON.stringify(value).includes('\\u0000')) throw new UsageError(both(`${what} ${file} 含 NUL 字符`, `${what} ${file} holds a NUL character`));
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const [zh, en] = firstIssuePair(parsed.error);
    throw new UsageError(oneLine(both(`${what} ${file} 内容无效：${zh}`, `${what} ${file} is invalid: ${en}`)));
  }
  return parsed.data;
}

/**
 * Classes the population when weighted (each listing's USCC looked up in the run's lists, class by the badge's
 * verdict), draws with the seed, and assigns inspectors. The same population, lists, options and seed give the same plan.
 */
export async function planRun(population: readonly PopulationEntry[], lists: LocalLists, options: PlanOptions, now: number): Promise<Plan> {
  const seed = seedOf(options.seedText);
  const entries: PopulationEntry[] = population.map((p) => ({ ...p }));
  let chosen: number[];
  let byClass: ClassDraw[] | undefined;
  let method: RunRecord['sample']['method'] = 'all';
  if (options.weights) {
    for (const e of entries) e.creditClass = creditClassOfMatches(e.uscc ? await lists.byUscc(e.uscc) : [], now);
    ({ chosen, byClass } = drawWeighted(entries.map((e, index) => ({ index, creditClass: e.creditClass! })), options.weights, seed));
    method = 'weighted';
  } else if (options.sample !== undefined && options.sample < entries.length) {
    chosen = drawSample(entries.length, options.sample, seed);
    method = 'uniform';
  } else {
    chosen = entries.map((_, i) => i);
  }
  const sample: RunRecord['sample'] = {
    method, size: chosen.length, seed, seedText: options.seedText, generator: GENERATOR,
    ...(options.weights ? { weights: options.weights, byClass } : {}),
  };
  return { population: entries, chosen, sample, ...(options.inspectors ? { assigned: assignInspectors(chosen, options.inspectors, seed) } : {}) };
}

/** population.csv: the whole population, one row per listing, with its class, whether it was drawn and by whom it is checked. */
export function populationCsv(plan: Plan): string {
  const drawn = new Map(plan.chosen.map((p, i) => [p, plan.assigned?.[i] ?? []]));
  return toCsv(['position', 'input', 'uscc', 'credit_class', 'drawn', 'inspectors'],
    plan.population.map((e, i) => [String(i + 1), e.input, e.uscc ?? '', e.creditClass ?? '', drawn.has(i) ? 'yes' : 'no', (drawn.get(i) ?? []).join(' ')]));
}
