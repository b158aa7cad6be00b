import { SITES, contentMatches, siteFor } from '../../sites';
import { runPage } from '../../runtime/run-page';

// Runs on the supported platforms (and the localhost demo pages); anything else returns before touching the DOM.
export default defineContentScript({
  matches: contentMatches(SITES),
  runAt: 'document_idle',
  main(ctx) {
    const site = siteFor(location.href, SITES);
    if (!site) return;
    const g = globalThis as { __xinbiaoRunning?: boolean };
    if (g.__xinbiaoRunning) return; // the any-site script may be registered too
    g.__xinbiaoRunning = true;
    void runPage(ctx, site);
  },
});
