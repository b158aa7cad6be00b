import { idbLocalLists } from '../../core/lists';
import { createEndpointClient } from '../../core/sources';
import { createResolver } from '../../core/sources';
import { settings } from '../platform/storage';
import { fetchShard, listStore } from './lists';
import type { Resolve } from './report';
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
  // Names only go to the local lists: endpoints take nothing but a code.
  return async ({ uscc, name }) => (uscc ? resolver.resolve(uscc) : name ? resolver.resolveName(name) : { parts: { endpoints: [] }, listsChecked: false });
}
