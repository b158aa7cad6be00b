import * as z from 'zod/mini';
import { CreditStatus } from '~~/core/model/schema';

// Every message between extension parts is untrusted until parsed: one map, validated on both ends.
const text = (max: number) => z.string().check(z.maxLength(max));

export const Reason = z.object({ code: text(80), zh: text(500), en: text(500) });
export type Reason = z.infer<typeof Reason>;

export const VerdictLevel = z.enum(['good', 'neutral', 'caution', 'danger', 'unknown']);
export type VerdictLevel = z.infer<typeof VerdictLevel>;

/** What the page showed for one subject, as detection found it. */
export const Finding = z.object({
  uscc: z.optional(text(18)),
  name: z.optional(text(200)),
  source: text(60),
  confidence: z.number(),
});
export type Finding = z.infer<typeof Finding>;

export const MarkOutcome = z.enum(['genuine', 'copied', 'tampered', 'expired', 'unknown-issuer', 'revoked-key', 'malformed']);
export type MarkOutcome = z.infer<typeof MarkOutcome>;

/** A verified mark as the shopper sees it. */
export const MarkReport = z.object({
  outcome: MarkOutcome,
  issuer: z.optional(text(200)),
  uscc: z.optional(text(18)),
  name: z.optional(text(200)),
  boundTo: z.optional(text(500)),
  expires: z.optional(text(40)),
});
export type MarkReport = z.infer<typeof MarkReport>;

/** One subject on a page: verdict, the evidence and where each value came from. */
export const SubjectReport = z.object({
  key: text(220),
  uscc: z.optional(text(18)),
  name: text(200),
  source: text(60),
  level: VerdictLevel,
  reasons: z.array(Reason),
  warnings: z.array(Reason),
  marks: z.array(MarkReport),
  status: z.optional(CreditStatus),
});
export type SubjectReport = z.infer<typeof SubjectReport>;

export const PageReport = z.object({ url: text(4000), at: text(40), subjects: z.array(SubjectReport) });
export type PageReport = z.infer<typeof PageReport>;

export const Subscription = z.object({
  url: text(2000),
  /** Shipped with the extension (the sample lists). */
  bundled: z.boolean(),
  listId: z.optional(text(100)),
  name: z.optional(text(200)),
  count: z.optional(z.number()),
  version: z.optional(z.number()),
  lastCheck: z.optional(text(40)),
  lastSuccess: z.optional(text(40)),
  lastError: z.optional(Reason),
  updating: z.boolean(),
});
export type Subscription = z.infer<typeof Subscription>;

const Ok = z.object({ ok: z.boolean(), error: z.optional(text(1000)) });
const Empty = z.object({});

/** The protocol map: name → request and response schemas; names say who sends them. */
export const PROTOCOL = {
  /** content → background: what detection found; answers with the verdicts to draw. */
  'content:page': { req: z.object({ url: text(4000), subjects: z.array(Finding), marks: z.array(z.object({ token: text(20000) })) }), res: PageReport },
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

/** Sends a typed message to the background and validates the answer. */
export async function send<N extends MessageName>(name: N, data: Req<N>): Promise<Res<N>> {
  const answer: unknown = await browser.runtime.sendMessage({ xinbiao: 1, name, data });
  const parsed = PROTOCOL[name].res.safeParse(answer);
  if (parsed.success) return parsed.data as Res<N>;
  const failed = z.object({ error: z.string() }).safeParse(answer);
  throw new Error(failed.success ? failed.data.error : `bad ${name} answer`);
}

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
