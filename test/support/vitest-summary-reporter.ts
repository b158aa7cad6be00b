import type { Reporter, TestModule } from 'vitest/node';
import { reportSummary } from './summary-file';

export default class VitestSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>) {
    let passed = 0, failed = 0, skipped = 0;
    for (const m of modules) {
      const tests = [...m.children.allTests()];
      for (const t of tests) {
        const s = t.result().state;
        if (s === 'passed') passed++;
        else if (s === 'failed') failed++;
        else skipped++;
      }
      if (m.state() === 'failed' && tests.length === 0) failed++; // a file that failed to load
    }
    reportSummary({ runner: 'vitest', passed, failed: failed + errors.length, skipped });
  }
}
