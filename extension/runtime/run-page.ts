import type { SiteAdapter } from '../sites/define-site';
import type { AdapterDataRef, PageReport } from '../platform/schemas';
import { pageReportValidator } from '../platform/generated/page-report';
import { sendWith } from '../platform/send';
import { readLook } from '../platform/look';
import { anchorFor, findingsKey, scanPage } from './findings';
import { missOnPage, missReporter } from './misses';
import type { BadgeMount } from './mount-badge';
import { loadBadge } from './badge-part';
import { watchPage } from './watch';

const ANY = { safeParse: (v: unknown) => ({ success: true as const, data: v }) };

/**
 * What the content script does on a page it matched: detect, ask the background, draw, follow SPA changes.
 * `data`: the adapter data files `site` was made of (adapter health; empty = bundled).
 */
export async function runPage(site: SiteAdapter | undefined, data: readonly AdapterDataRef[] = []): Promise<void> {
  const { language, theme } = await readLook();
  const lang = language === 'en' ? 'en' : 'zh';
  let key = '';
  let badge: BadgeMount | undefined;
  let busy = Promise.resolve();
  // Adapter health: the answer carries nothing the page needs.
  const misses = missReporter((miss) => void sendWith('content:miss', miss, ANY).catch(() => undefined));

  const refresh = async () => {
    const { found, via } = scanPage(document, site);
    if (site) misses.seen(found.url, missOnPage(site, found.url, via, found.subjects.length > 0 || found.marks.length > 0, data));
    const next = findingsKey(found);
    if (next === key) return;
    key = next;
    let report: PageReport | undefined;
    if (found.subjects.length || found.marks.length || found.shop) report = await sendWith('content:page', found, pageReportValidator).catch(() => undefined);
    else await sendWith('content:page', found, pageReportValidator).catch(() => undefined); // clears the popup's view of this tab
    if (key !== next) return;
    const primary = report?.subjects[0];
    // The page changed but the shop did not (its own mark finished checking, say): details the shopper opened stay open.
    const reopen = !!primary && badge?.key === primary.key && badge.detailsOpen();
    badge?.remove();
    badge = undefined;
    if (!primary) return;
    const draw = await loadBadge().catch(() => undefined);
    if (draw && key === next) badge = draw(anchorFor(document, site), primary, lang, theme, reopen);
  };
  const queue = () => { busy = busy.then(refresh, refresh); };

  queue();
  const root = (site?.selectors.spaRoot && document.querySelector(site.selectors.spaRoot)) || document.body;
  if (root) watchPage(root, queue);
}
