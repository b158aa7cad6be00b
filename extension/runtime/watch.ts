import type { ContentScriptContext } from '#imports';

/** Host element name of everything the extension draws; mutations inside it are our own. */
export const HOST_TAG = 'xinbiao-badge';

const ours = (n: Node | null) => !!n && (n.nodeName.toLowerCase() === HOST_TAG || !!(n as Element).closest?.(HOST_TAG));

/**
 * Calls onChange (debounced) when the page navigates without a reload or the watched part of the DOM changes.
 * Only started on pages the extension matched; mutations of its own nodes are ignored.
 */
export function watchPage(ctx: ContentScriptContext, root: Element, onChange: () => void, delayMs = 250): void {
  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => { timer = undefined; onChange(); }, delayMs);
  };
  const observer = new MutationObserver((records) => {
    if (records.some((r) => !ours(r.target) && ![...r.addedNodes, ...r.removedNodes].every(ours))) schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
}
