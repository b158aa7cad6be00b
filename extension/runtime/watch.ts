import { watchLocation } from './stub';

/** Host element name of everything the extension draws; mutations inside it are our own. */
export const HOST_TAG = 'xinbiao-badge';

const ours = (n: Node | null) => !!n && (n.nodeName.toLowerCase() === HOST_TAG || !!(n as Element).closest?.(HOST_TAG));

// The extension API is gone once the extension was updated or removed: the parts left in the page stop.
const alive = () => !!(globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id;

// The in-page state a <xinbiao-mark> shows, compared with the extension's own check (findings.ts).
const MARK_ATTRS = ['token', 'data-outcome'];

/**
 * Calls onChange (debounced) when the page navigates without a reload or the watched part of the DOM changes
 * (a mark's token or in-page state included). Only started on pages the extension matched; mutations of its own
 * nodes are ignored. Nothing here listens to what the page can post (no window messages): a page cannot stop it.
 */
export function watchPage(root: Element, onChange: () => void, delayMs = 250): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = new AbortController();
  const schedule = () => {
    if (!alive()) return observer.disconnect(), stop.abort();
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => { timer = undefined; onChange(); }, delayMs);
  };
  const observer = new MutationObserver((records) => {
    if (records.some((r) => !ours(r.target) && (r.type === 'attributes' || ![...r.addedNodes, ...r.removedNodes].every(ours)))) schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: MARK_ATTRS });
  watchLocation(schedule, stop.signal);
}

// How often the badge is looked at even when no mutation arrived (a page cannot stop an isolated world's timer).
const CHECK_MS = 1000;
const BURST = 20;
const BURST_MS = 5000;

/**
 * Keeps a drawn host where it belongs and as it was made: `place(anchor)` puts it after the anchor, `place(null)`
 * in a fixed corner. Removed, moved, given other attributes (hidden, style, class…) or hidden with the anchor, it is
 * put back at once (a MutationObserver on the whole document, which the page cannot disconnect) and at the latest
 * after CHECK_MS and on every visibility change. A hidden or removed anchor sends the badge to the corner for good.
 * Returns the function that stops guarding.
 */
export function guardHost(host: HTMLElement, attrs: Record<string, string>, anchor: Element | null, place: (at: Element | null) => void): () => void {
  let at = anchor && anchor.isConnected ? anchor : null;
  const visible = (el: Element) => el.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ?? true;
  // A page that removes the badge as often as it is put back would ping-pong with us forever: after BURST immediate
  // redraws in BURST_MS, only the timer puts it back (the toolbar still shows the verdict).
  let burst = 0;
  let since = 0;
  const check = (fromTimer = false) => {
    if (!alive()) return stop();
    for (const a of [...host.attributes]) if (attrs[a.name] !== a.value) host.removeAttribute(a.name);
    for (const [name, value] of Object.entries(attrs)) if (host.getAttribute(name) !== value) host.setAttribute(name, value);
    if (host.firstChild) host.replaceChildren(); // light-DOM children: nothing of the page goes inside our host
    if (at && (!at.isConnected || (host.isConnected && !visible(host)))) at = null;
    const where = at ? at.parentNode : document.documentElement;
    const placed = host.isConnected && host.parentNode === where && (!at || host.previousSibling === at);
    if (placed) return;
    const t = performance.now();
    if (t - since > BURST_MS) (since = t), (burst = 0);
    if (fromTimer || ++burst <= BURST) place(at);
  };
  const observer = new MutationObserver(() => check());
  observer.observe(document, { childList: true, subtree: true });
  observer.observe(host, { attributes: true, childList: true });
  const timer = setInterval(() => check(true), CHECK_MS);
  const visibility = new AbortController();
  document.addEventListener('visibilitychange', () => check(true), { signal: visibility.signal });
  function stop() {
    observer.disconnect();
    clearInterval(timer);
    visibility.abort();
  }
  check();
  return stop;
}
