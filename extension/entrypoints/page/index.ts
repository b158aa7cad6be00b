import { siteFor } from '../../sites';
import { loadSitesAndData } from '../../sites/load';
import { runPage } from '../../runtime/run-page';
import { dataInForce } from '../../runtime/misses';

// The heavy part (detection, messaging, badge UI): never in the manifest; the background injects it into a frame
// whose small first part saw something a shop is read from (background/inject-page.ts). A plain script, not a WXT
// content script: WXT's context posts a message naming the extension to the page, and the page could replay it to
// switch the context off; nothing here listens to the page.
export default defineUnlistedScript(() => {
  const g = globalThis as { __xinbiaoPage?: boolean };
  if (g.__xinbiaoPage) return; // injected once per document
  g.__xinbiaoPage = true;
  // The bundled adapters with any signed adapter data in force laid over them (docs/adapter-data.md), and which files those were.
  void loadSitesAndData().then(({ sites, stored }) => {
    const site = siteFor(location.href, sites);
    return runPage(site, site ? dataInForce(site.id, stored) : []);
  });
});
