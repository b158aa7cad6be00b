import { LOAD_BADGE } from '../platform/load-page';
import type { mountBadge } from './mount-badge';

/** What the badge part hands over: the function that draws the badge. */
export type DrawBadge = typeof mountBadge;

// The parts share the content scripts' isolated world, which the page cannot reach: the hand-over is a global there.
const KEY = '__xinbiaoDrawBadge';
const slot = globalThis as { [KEY]?: DrawBadge };

/** Called by the badge part when the background injected it. */
export function offerBadge(draw: DrawBadge): void {
  slot[KEY] = draw;
}

/** The badge drawer: asks the background for the badge part the first time a subject is to be drawn. */
export async function loadBadge(): Promise<DrawBadge> {
  if (!slot[KEY]) await browser.runtime.sendMessage(LOAD_BADGE);
  const draw = slot[KEY];
  if (typeof draw !== 'function') throw new Error('badge part not loaded');
  return draw;
}
