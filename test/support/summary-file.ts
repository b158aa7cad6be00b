import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunnerSummary { runner: string; passed: number; failed: number; skipped: number }

/** Each runner's reporter prints its own plain line and leaves counts where scripts/test.mjs adds them up. */
export function reportSummary(summary: RunnerSummary): void {
  const line = `${summary.runner}: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`;
  console.log(line);
  const dir = process.env.XINBIAO_RESULTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${summary.runner}.json`), JSON.stringify(summary));
}
