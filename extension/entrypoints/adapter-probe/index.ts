import { shopProbe } from '../../runtime/shop-probe';
import { runStub } from '../../runtime/stub';
import { siteFor } from '../../sites';
import { loadSites } from '../../sites/load';

// Registered by the background only while signed adapter data is in force (background/adapter-probe.ts): the same
// cheap first look as the manifest's, with the page's adapter as the files left it. Asking twice is harmless: the
// detection part runs once per document.
export default defineUnlistedScript(() => {
  const g = globalThis as { __xinbiaoAdapterProbe?: boolean };
  if (g.__xinbiaoAdapterProbe) return;
  g.__xinbiaoAdapterProbe = true;
  void loadSites().then((sites) => {
    const site = siteFor(location.href, sites);
    if (site) runStub(shopProbe([site]), false);
  });
});
