const TAG_KEY = '__xinbiaoHostTag';

/**
 * Host element name of everything the extension draws, new on every page load (two random lowercase words joined by
 * a hyphen, a valid custom element name that can carry a shadow root): a page cannot look the badge up by a name it
 * knows. Kept in the content scripts' isolated world, so the detection and badge parts agree on it.
 */
export function hostTag(): string {
  const slot = globalThis as { [TAG_KEY]?: string };
  if (!slot[TAG_KEY]) {
    const letters = [...crypto.getRandomValues(new Uint8Array(12))].map((b) => String.fromCharCode(97 + (b % 26))).join('');
    slot[TAG_KEY] = `${letters.slice(0, 6)}-${letters.slice(6)}`;
  }
  return slot[TAG_KEY];
}

// Mutations inside our own host are ours.
const ours = (n: Node | null) => !!n && (n.nodeName.toLowerCase() === hostTag() || !!(n as Element).closest?.(hostTag()));

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
// After a burst, the timer puts the badge back after 1, 2, 4, 8 s… at most this long apart until it stays.
const BACKOFF_MAX_MS = 8000;

/** How a guarded host fared: times it was put back (the first drawing not counted). */
export interface GuardStats {
  redraws: number;
}

/**
 * Keeps a drawn host where it belongs and as it was made: `place(anchor)` puts it after the anchor, `place(null)`
 * in a fixed corner. Removed, moved, given other attributes (hidden, style, class…) or hidden with the anchor, it is
 * put back at once (a MutationObserver on the whole document, which the page cannot disconnect) and at the latest
 * after CHECK_MS and on every visibility change. A hidden or removed anchor sends the badge to the corner for good.
 * `tick` runs on every timer check while the host is placed (mount-badge: is the badge covered?). Returns the
 * function that stops guarding; `stats` counts the redraws.
 */
export function guardHost(
  host: HTMLElement, attrs: Record<string, string>, anchor: Element | null, place: (at: Element | null) => void,
  tick?: () => void, stats: GuardStats = { redraws: 0 },
): () => void {
  let at = anchor && anchor.isConnected ? anchor : null;
  const visible = (el: Element) => el.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ?? true;
  // A page that removes the badge as often as it is put back would ping-pong with us forever: after BURST immediate
  // redraws in BURST_MS, only the timer puts it back, ever less often (the toolbar still shows the verdict).
  let burst = 0;
  let since = 0;
  let backoff = CHECK_MS;
  let nextTimed = 0;
  let drawn = false;
  const check = (fromTimer = false) => {
    if (!alive()) return stop();
    for (const a of [...host.attributes]) if (attrs[a.name] !== a.value) host.removeAttribute(a.name);
    for (const [name, value] of Object.entries(attrs)) if (host.getAttribute(name) !== value) host.setAttribute(name, value);
    if (host.firstChild) host.replaceChildren(); // light-DOM children: nothing of the page goes inside our host
    if (at && (!at.isConnected || (host.isConnected && !visible(host)))) at = null;
    const where = at ? at.parentNode : document.documentElement;
    const placed = host.isConnected && host.parentNode === where && (!at || host.previousSibling === at);
    const t = performance.now();
    if (placed) {
      // It stayed where it was put for a whole timer round: the page stopped fighting.
      if (fromTimer && t >= nextTimed) backoff = CHECK_MS;
      if (fromTimer) tick?.();
      return;
    }
    if (t - since > BURST_MS && backoff === CHECK_MS) (since = t), (burst = 0);
    const now = ++burst <= BURST || (fromTimer && t >= nextTimed);
    if (!now) return;
    if (burst > BURST) (nextTimed = t + backoff), (backoff = Math.min(backoff * 2, BACKOFF_MAX_MS));
    if (drawn) stats.redraws++;
    drawn = true;
    place(at);
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

/** Navigations without a reload: the Navigation API where there is one, else a once-a-second look at the URL. */
export function watchLocation(onChange: () => void, signal: AbortSignal): void {
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav?.addEventListener) return nav.addEventListener('navigate', onChange, { signal });
  let last = location.href;
  const id = setInterval(() => {
    if (location.href !== last) (last = location.href), onChange();
  }, 1000);
  signal.addEventListener('abort', () => clearInterval(id));
}
