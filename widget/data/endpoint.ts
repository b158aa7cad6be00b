import { createEndpointLookup, type EndpointLookup } from '../../core/sources';
import type { CreditStatus } from '../ui/types';

const clients = new Map<string, EndpointLookup>();

/** The platform's answer for one code (`GET <base>/v1/subjects/<USCC>`), undefined when not known; throws EndpointError. */
export async function fetchStatus(base: string, uscc: string): Promise<CreditStatus | undefined> {
  const abs = new URL(base, document.baseURI).href;
  let c = clients.get(abs);
  if (!c) {
    // The client sends no cookies and no referrer: the endpoint learns the code and nothing else.
    const ports = { fetch: (u: string, i: RequestInit) => fetch(u, i), now: Date.now, sleep: (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)) };
    clients.set(abs, (c = createEndpointLookup(ports, { base: abs, retries: 1, timeoutMs: 6000 })));
  }
  const a = await c.get(uscc);
  return a.found ? a.status : undefined;
}
