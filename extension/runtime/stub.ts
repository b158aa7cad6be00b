import type { ContentScriptContext } from '#imports';
import { LOAD_PAGE } from '../platform/load-page';
import { mayHoldShop, type ShopProbe } from './may-hold-shop';

// Mutations are looked at in batches; a single-page app swaps its view in several steps.
const DELAY_MS = 250;
// More added nodes than this in one batch: one look at the whole page is cheaper than one per node.
const MAX_NODES = 50;

/**
 * What runs first on a matched page (once per document): a cheap look for anything a shop is read from. Only when there is one does it
 * ask the background to inject the heavy part (detection and badge); until then it watches DOM changes and
 * navigations without a reload, and stops for good once the heavy part took over.
 */
export function startStub(ctx: ContentScriptContext): void {
  const g = globalThis as { __xinbiaoRunning?: boolean };
  if (g.__xinbiaoRunning) return; // the platform and the any-site script may both be injected
  g.__xinbiaoRunning = true;
  runStub(ctx);
}

/** The first look and the watch, with the probe made from the adapters at build time. */
export function runStub(ctx: ContentScriptContext, probe: ShopProbe = __XINBIAO_PROBE__): void {
  let pending: Node[] | null = [];
  let timer: number | undefined;
  let observer: MutationObserver | undefined;

  const start = () => {
    observer?.disconnect();
    if (ctx.isInvalid) return;
    void browser.runtime.sendMessage(LOAD_PAGE).catch(() => undefined);
  };
  const look = () => {
    timer = undefined;
    const nodes = pending;
    pending = [];
    const roots = nodes && nodes.length <= MAX_NODES ? nodes : [document];
    if (roots.some((n) => n.isConnected && mayHoldShop(n as ParentNode & Node, probe))) start();
  };
  const schedule = (nodes: Node[] | null) => {
    if (pending && nodes) pending.push(...nodes);
    else pending = null; // look at the whole page
    timer ??= ctx.setTimeout(look, DELAY_MS);
  };

  if (mayHoldShop(document, probe)) return start();
  observer = new MutationObserver((records) => {
    const nodes: Node[] = [];
    for (const r of records) {
      if (r.type === 'characterData') nodes.push(r.target.parentNode ?? r.target);
      else for (const n of r.addedNodes) if (n.nodeType === 1 || n.nodeType === 3) nodes.push(n.nodeType === 1 ? n : n.parentNode ?? n);
    }
    if (nodes.length) schedule(nodes);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer?.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', () => schedule(null));
}
