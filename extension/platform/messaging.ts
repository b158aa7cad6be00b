import * as z from 'zod/mini';
import { PROTOCOL, type MessageName, type Req, type Res } from './protocol';
import { sendWith } from './send';

export * from './schemas';
export * from './protocol';

const Envelope = z.object({ xinbiao: z.literal(1), name: z.enum(Object.keys(PROTOCOL) as [MessageName, ...MessageName[]]), data: z.unknown() });

/** Sends a typed message to the background and validates the answer against the protocol map. */
export const send = <N extends MessageName>(name: N, data: Req<N>): Promise<Res<N>> =>
  sendWith(name, data, PROTOCOL[name].res as unknown as { safeParse(v: unknown): { success: true; data: Res<N> } | { success: false } });

export type Handlers = { [N in MessageName]: (data: Req<N>, sender: { tabId?: number; url?: string }) => Promise<Res<N>> };

/** Background side: parses each message, drops anything not in the map, answers through the handler. */
export function listen(handlers: Partial<Handlers>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, reply: (r: unknown) => void) => {
    const env = Envelope.safeParse(message);
    if (!env.success) return false;
    const name = env.data.name;
    const handler = handlers[name] as ((d: unknown, s: { tabId?: number; url?: string }) => Promise<unknown>) | undefined;
    const req = PROTOCOL[name].req.safeParse(env.data.data);
    if (!handler || !req.success) {
      reply({ error: req.success ? `no handler for ${name}` : `bad ${name} request` });
      return false;
    }
    handler(req.data, { tabId: sender.tab?.id, url: sender.url })
      .then(reply, (err: unknown) => reply({ error: err instanceof Error ? err.message : String(err) }));
    return true; // the answer comes asynchronously
  });
}
