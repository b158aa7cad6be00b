import * as z from 'zod/mini';
import { AdapterMiss, Finding, HealthRow, PageReport, ShopRef, SubjectReport, Subscription, text } from './schemas';

// The message map on its own: send.ts (content scripts) and messaging.ts (both sides) read it, neither imports the other.

const Ok = z.object({ ok: z.boolean(), error: z.optional(text(1000)) });
const Empty = z.object({});

/** The protocol map: name → request and response schemas; names say who sends them. */
export const PROTOCOL = {
  /** content → background: what detection found; answers with the verdicts to draw. */
  'content:page': { req: z.object({ url: text(4000), subjects: z.array(Finding), marks: z.array(z.object({ token: text(20000), shown: z.optional(text(40)) })), shop: z.optional(ShopRef) }), res: PageReport },
  /** content → background: a page its adapter claims missed the shop or operator its kind shows (adapter health). */
  'content:miss': { req: AdapterMiss, res: Ok },
  /** options → background: the adapter health table and its copyable report (no address, no shop, no personal data). */
  'options:health': { req: Empty, res: z.object({ rows: z.array(HealthRow), report: text(2_000_000) }) },
  /** options → background: empty the adapter health table. */
  'options:health-clear': { req: Empty, res: Ok },
  /** options → background: forget what the extension learnt on this device (remembered shop operators, cached endpoint answers). */
  'options:clear': { req: Empty, res: Ok },
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

/**
 * background → extension pages: the adapter health table changed (a count or a clear); the options page draws it
 * again. No content: a page that sees it asks `options:health` like any other time.
 */
export const HealthChanged = z.strictObject({ xinbiao: z.literal(1), event: z.literal('health-changed') });
export const HEALTH_CHANGED: z.infer<typeof HealthChanged> = { xinbiao: 1, event: 'health-changed' };

export type Protocol = typeof PROTOCOL;
export type MessageName = keyof Protocol;
export type Req<N extends MessageName> = z.infer<Protocol[N]['req']>;
export type Res<N extends MessageName> = z.infer<Protocol[N]['res']>;
