import { LOAD_PAGE } from '../platform/load-page';
import { mayHoldShop, type ShopProbe } from './may-hold-shop';

// Mutations are looked at in batches; a single-page app swaps its view in several steps.
const DELAY_MS = 250;
// More added nodes than this in one batch: one look at the whole page is cheaper than one per node.
const MAX_NODES = 50;

// The extension API is touched only when asking for the rest: its first use in a page costs more than the whole look.
const api = () => (globalThis as { chrome?: { runtime?: { id?: string; sendMessage(m: unknown): Promise<unknown> } } }).chrome?.runtime;

/**
 * What runs first on a listed page: a cheap look for anything a shop is read from. Only when there is one does it
 * ask the background to inject the detection part; until then it watches DOM changes (a single-page app's navigation
 * changes the DOM it shows; the look reads nothing else), and stops for good once it asked (the detection part has
 * its own watch, of the address too) or the extension went away.
 *
 * @param once skip when a first part already runs in this document (the platform and the any-site script may both
 *   be injected); the adapter-data probe keeps its own flag
 */
export function runStub(probe: ShopProbe, once = true): void {
  // Checked here, not in a wrapper: each function on this path is compiled on every listed page (bench content-idle).
  const g = globalThis as { __xinbiaoRunning?: boolean };
  if (once) {
    if (g.__xinbiaoRunning) return;
    g.__xinbiaoRunning = true;
  }
  let pending: Node[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;

  const start = () => {
    observer?.disconnect();
    api()?.sendMessage(LOAD_PAGE)?.catch(() => undefined);
  };
  const look = () => {
    timer = undefined;
    if (!api()?.id) return observer?.disconnect(); // the extension was updated or removed
    const roots = pending.length <= MAX_NODES ? pending : [document];
    pending = [];
    if (roots.some((n) => n.isConnected && mayHoldShop(n as ParentNode & Node, probe))) start();
  };
  const schedule = (nodes: Node[]) => {
    // Past MAX_NODES the whole page is looked at: no need to keep more.
    if (pending.length <= MAX_NODES) pending.push(...nodes.slice(0, MAX_NODES + 1));
    timer ??= setTimeout(look, DELAY_MS);
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
  // The document itself, not its root element: touching no element keeps the look on a page without a shop cheap.
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}
