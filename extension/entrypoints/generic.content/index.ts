import { SITES, siteFor } from '../../sites';
import { runPage } from '../../runtime/run-page';

// Registered at run time, only after the shopper granted any-site access in the options; detection without an adapter.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    const g = globalThis as { __xinbiaoRunning?: boolean };
    if (g.__xinbiaoRunning || siteFor(location.href, SITES)) return; // the platform script handles its own pages
    g.__xinbiaoRunning = true;
    void runPage(ctx, undefined);
  },
});
