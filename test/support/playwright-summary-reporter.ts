import type { FullResult, Reporter, TestCase, TestResult } from 'playwright/types/testReporter';
import { reportSummary } from './summary-file';

export default class PlaywrightSummaryReporter implements Reporter {
  private outcomes = new Map<string, string>();
  private errors = 0;

  onTestEnd(test: TestCase, _result: TestResult) {
    this.outcomes.set(test.id, test.outcome()); // last retry wins
  }

  onError() {
    this.errors++;
  }

  onEnd(result: FullResult) {
    let passed = 0, failed = 0, skipped = 0;
    for (const o of this.outcomes.values()) {
      if (o === 'expected' || o === 'flaky') passed++;
      else if (o === 'skipped') skipped++;
      else failed++;
    }
    if (result.status !== 'passed' && failed === 0) failed += Math.max(1, this.errors); // e.g. web server or global setup failed
    reportSummary({ runner: 'playwright', passed, failed, skipped });
  }
}
