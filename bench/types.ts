/** One measured line of `npm run bench`: our cost against a floor measured in the same run on the same input. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  floor: number;
  /** Budget on the ratio (our cost / floor), when the design sets one. */
  budget?: number;
  /** Budget on the absolute value (e.g. a p99 in ms), when the design sets one. */
  valueBudget?: number;
}

export interface Benchmark {
  name: string;
  /**
   * Runs the measurement; may return several lines (e.g. list-import and list-lookup from one store). A line
   * measured before a later part fails is passed to `done` at once, so the failure does not lose it.
   */
  run(done?: (r: BenchResult) => void): Promise<BenchResult[]>;
}

/** Median of a few repeats: the machines are noisy, one sample proves nothing. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Paired measurements (ours[i] and floor[i] taken one right after the other) as a line's value and floor: the floor's
 * median, and that times the median of the pairs' own ratios, so the printed ratio is that median and a load spike,
 * which slows both sides of a pair alike, moves it little.
 */
export function paired(ours: number[], floor: number[]): { ours: number; floor: number } {
  const f = median(floor);
  return { ours: f * median(ours.map((o, i) => o / floor[i]!)), floor: f };
}
