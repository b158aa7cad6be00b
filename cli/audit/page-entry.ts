// The script `xinbiao audit` runs in each audited page (built by `npm run build` into dist/audit/page.js): one
// detection and one measurement of the live layout, so prominence is measured, not guessed.
import { boxTargets, collectPageFacts, withBoxes } from '../../core/audit';
import type { PageFacts, PageKind } from '../../core/audit';
import { measureElements } from '../../extension/audit/probe';

/** The page's facts with element boxes; what `auditPage` evaluates. */
function auditFacts(opts?: { pageKind?: PageKind }): PageFacts {
  const read = collectPageFacts(document, {
    url: location.href,
    viewport: { width: innerWidth, height: innerHeight },
    ...(opts?.pageKind ? { pageKind: opts.pageKind } : {}),
  });
  const selectors = boxTargets(read);
  return withBoxes(read, selectors, measureElements(selectors));
}

(globalThis as unknown as { __xinbiaoAuditFacts: typeof auditFacts }).__xinbiaoAuditFacts = auditFacts;
