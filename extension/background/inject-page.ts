import * as z from 'zod/mini';
import { PAGE_SCRIPT } from '../platform/load-page';

const LoadPage = z.object({ xinbiao: z.literal(1), name: z.literal('content:load-page') });

type Sender = { tab?: { id?: number }; frameId?: number };

/** Injects the heavy content script into the frame whose stub asked; anything else is not our message. */
export function onLoadPage(message: unknown, sender: Sender, reply: (r: unknown) => void): boolean {
  if (!LoadPage.safeParse(message).success) return false;
  const tabId = sender.tab?.id;
  if (tabId === undefined) {
    reply({ ok: false, error: 'no tab' });
    return false;
  }
  browser.scripting
    .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PAGE_SCRIPT] })
    .then(() => reply({ ok: true }), (err: unknown) => reply({ ok: false, error: err instanceof Error ? err.message : String(err) }));
  return true; // the answer comes asynchronously
}
