import * as z from 'zod/mini';
import { Finding, PageReport, SubjectReport, Subscription, text } from './schemas';
import { sendWith } from './send';

export * from './schemas';

const Ok = z.object({ ok: z.boolean(), error: z.optional(text(1000)) });
const Empty = z.object({});

/** The protocol map: name → request and response schemas; names say who sends them. */
export const PROTOCOL = {
  /** content → background: what detection found; answers with the verdicts to draw. */
  'content:page': { req: z.object({ url: text(4000), subjects: z.array(Finding), marks: z.array(z.object({ token: text(20000), shown: z.optional(text(40)) })) }), res: PageReport },
  /** popup → background: the last report for a tab. */
  'popup:tab': { req: z.object({ tabId: z.number() }), res: z.object({ report: z.nullable(PageReport) }) },
  /** popup → background: check a pasted USCC or name. */
  'popup:check': { req: z.object({ query: text(200) }), res: z.object({ error: z.optional(text(300)), subject: z.optional(SubjectReport) }) },
  /** options → background: list subscriptions and their state. */
  'options:lists': { req: Empty, res: z.object({ subscriptions: z.array(Subscription) }) },
  'options:subscribe': { req: z.object({ url: text(2000) }), res: Ok },
  'options:unsubscribe': { req: z.object({ url: text(2000) }), res: Ok },
  'options:update': { req: z.object({ url: z.optional(text(2000)) }), res: Ok },
  /** options → background: the generic detector was granted or revoked; (un)register its content script. */
  'options:generic': { req: z.object({ enabled: z.boolean() }), res: Ok },
} as const;

export type Protocol = typeof PROTOCOL;
export type MessageName = keyof Protocol;
export type Req<N extends MessageName> = z.infer<Protocol[N]['req']>;
export type Res<N extends MessageName> = z.infer<Protocol[N]['res']>;

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
