import { idbLocalLists } from '~~/core/lists';
import type { CreditStatus } from '~~/core/model/schema';
import { createEndpointClient } from '~~/core/sources/endpoint-client';
import { listMatchesToParts, listsVouch } from '~~/core/sources/from-lists';
import { createResolver } from '~~/core/sources/resolver';
import { settings } from '../platform/storage';
import { fetchShard, listStore } from './lists';
import type { Resolve, Resolved } from './report';
import { storageCache } from './status-cache';

/** The resolver over the local lists and the endpoints the shopper opted into; rebuilt per request (settings change). */
export async function makeResolve(now: () => number = Date.now): Promise<Resolve> {
  const lists = idbLocalLists(await listStore(), { fetchShard });
  const { endpoints } = await settings.getValue();
  const clients = endpoints.flatMap((base) => {
    try {
      return [createEndpointClient({ fetch: (u, i) => fetch(u, { ...i, credentials: 'omit', referrerPolicy: 'no-referrer' }), now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }, { base })];
    } catch {
      return []; // a bad URL in settings must not stop the lists
    }
  });
  const resolver = createResolver({ lists, endpoints: clients, cache: storageCache(), now });
  return async ({ uscc, name }): Promise<Resolved> => {
    if (uscc) {
      const r = await resolver.resolve(uscc);
      return { ...(r.status ? { status: r.status } : {}), listsChecked: r.listsChecked };
    }
    if (!name) return { listsChecked: false };
    // Names only go to the local lists: endpoints take nothing but a code.
    const at = now();
    const [matches, inForce] = await Promise.all([lists.byName(name), lists.lists()]);
    const parts = listMatchesToParts(matches, at);
    const listsChecked = listsVouch(inForce, at);
    if (!parts.subject) return { listsChecked };
    const status: CreditStatus = {
      subject: parts.subject, creditLevels: parts.creditLevels, listEntries: parts.listEntries, records: [], commitments: [],
      asOf: new Date(at).toISOString(),
    };
    return { status, listsChecked };
  };
}
