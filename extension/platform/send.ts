import type { MessageName, Req } from './protocol';

/** Sends a typed message and validates the answer with the given schema (callers pass only what they need, keeping bundles small). */
export async function sendWith<N extends MessageName, R>(name: N, data: Req<N>, res: { safeParse(v: unknown): { success: true; data: R } | { success: false } }): Promise<R> {
  const answer: unknown = await browser.runtime.sendMessage({ xinbiao: 1, name, data });
  const parsed = res.safeParse(answer);
  if (parsed.success) return parsed.data;
  const error = (answer as { error?: unknown } | undefined)?.error;
  throw new Error(typeof error === 'string' ? error : `bad ${name} answer`);
}
