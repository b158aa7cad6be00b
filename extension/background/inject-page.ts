import * as z from 'zod/mini';
import { PART_FILES } from '../platform/load-page';

const LoadPart = z.object({ xinbiao: z.literal(1), name: z.enum(['content:load-page', 'content:load-badge']) });

type Sender = { tab?: { id?: number }; frameId?: number };

/** Injects the next part of the content script into the frame that asked; anything else is not our message. */
export function onLoadPart(message: unknown, sender: Sender, reply: (r: unknown) => void): boolean {
  const req = LoadPart.safeParse(message);
  if (!req.success) return false;
  const tabId = sender.tab?.id;
  if (tabId === undefined) {
    reply({ ok: false, error: 'no tab' });
    return false;
  }
  browser.scripting
    .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PART_FILES[req.data.name]] })
    .then(() => reply({ ok: true }), (err: unknown) => reply({ ok: false, error: err instanceof Error ? err.message : String(err) }));
  return true; // the answer comes asynchronously
}
