import { SITES, siteFor } from '../../sites';
import { runPage } from '../../runtime/run-page';

// The heavy part (detection, messaging, badge UI): never in the manifest; the background injects it into a frame
// whose small first part saw something a shop is read from (background/inject-page.ts).
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    const g = globalThis as { __xinbiaoPage?: boolean };
    if (g.__xinbiaoPage) return; // injected once per document
    g.__xinbiaoPage = true;
    void runPage(ctx, siteFor(location.href, SITES));
  },
});
