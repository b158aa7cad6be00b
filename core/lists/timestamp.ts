import * as z from 'zod/mini';
import { text, when } from '../model/fields';
import { verifySignedJson, type KeyLookup } from './checks';
import { ListFileKind, ListHeader, type ListSignature } from './schema';
import { packEdition, type ListStore, type StoredList, type StoredPack } from './store';

export const TIMESTAMP_FORMAT = 'xinbiao-timestamp/1';

/**
 * A list's timestamp (`<list url>.timestamp.json` with a `.sig` in the list signature format), in the manner of
 * TUF's timestamp role: it names the current edition (version and SHA-256 of its NDJSON) and expires within
 * hours; the publisher re-signs it on a schedule. A subscriber that cannot get a valid one (a freeze) or gets one
 * naming a newer edition it cannot obtain (a withheld update) shows the list as not current.
 */
export const ListTimestamp = z.object({
  format: z.literal(TIMESTAMP_FORMAT),
  id: ListHeader.shape.id,
  kind: ListFileKind,
  publisher: z.object({ id: text(100), name: text(200) }),
  keyId: text(100),
  issued: when,
  expires: when,
  version: z.number().check(z.int(), z.minimum(1)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type ListTimestamp = z.infer<typeof ListTimestamp>;

/** How long a timestamp is good for by default: publishers re-sign more often than this. */
export const TIMESTAMP_HOURS = 6;

/** A timestamp for a list edition, to be signed with signList over `timestampBytes`. */
export function makeTimestamp(header: ListHeader, sha256: string, now: number, hours = TIMESTAMP_HOURS): ListTimestamp {
  return {
    format: TIMESTAMP_FORMAT, id: header.id, kind: header.kind, publisher: header.publisher, keyId: header.keyId,
    issued: new Date(now).toISOString(), expires: new Date(now + hours * 3600_000).toISOString(), version: header.version, sha256,
  };
}

export const timestampBytes = (t: ListTimestamp): Uint8Array => new TextEncoder().encode(`${JSON.stringify(t)}\n`);

/**
 * Verifies a timestamp through the same checks as a list (key for its key id, not expired, not issued in the
 * future, digest and Ed25519 signature). An expired one is 'expired': it proves nothing about the present.
 */
export function verifyTimestamp(bytes: Uint8Array, signature: ListSignature | string | Uint8Array, keys: KeyLookup, now: number): Promise<ListTimestamp> {
  return verifySignedJson(bytes, signature, ListTimestamp, (t) => t as unknown as ListHeader, keys, now, 'bad-header');
}

/** What a verified timestamp says about the list in force. */
export type Freshness = 'current' | 'behind' | 'replayed' | 'no-list';

/** What freshness a list or pack in force holds: the edition it answers as, and what timestamps said so far. */
export interface FreshnessState {
  version: number;
  sha256: string;
  freshUntil?: string;
  staleSince?: string;
}

/**
 * What a verified timestamp does to a list in force: naming exactly its version and SHA-256, the list is current
 * until the timestamp expires; naming a newer edition, the list is not current from the timestamp's issue time
 * on (kept if earlier); naming an older edition, or issued before a newer edition was seen, it is a replay and
 * changes nothing. Returns the new freshness fields (undefined: no change) and the verdict.
 */
export function judgeTimestamp(state: FreshnessState, ts: ListTimestamp): [{ freshUntil?: string; staleSince?: string } | undefined, Freshness] {
  if (ts.version < state.version) return [undefined, 'replayed'];
  // Issued before a newer edition was seen: an old timestamp played back, not news.
  if (state.staleSince && !(Date.parse(ts.issued) > Date.parse(state.staleSince))) return [undefined, 'replayed'];
  if (ts.version === state.version && ts.sha256 === state.sha256) {
    const later = !state.freshUntil || Date.parse(ts.expires) > Date.parse(state.freshUntil);
    return [{ freshUntil: later ? ts.expires : state.freshUntil }, 'current'];
  }
  const since = state.staleSince && Date.parse(state.staleSince) <= Date.parse(ts.issued) ? state.staleSince : ts.issued;
  return [{ ...(state.freshUntil ? { freshUntil: state.freshUntil } : {}), staleSince: since }, 'behind'];
}

/** Records a verified timestamp on the list in force (judgeTimestamp), in one transaction. */
export async function recordTimestamp(store: ListStore, ts: ListTimestamp): Promise<Freshness> {
  return store.updateList(ts.id, (list): [StoredList | undefined, Freshness] => {
    if (!list) return [undefined, 'no-list'];
    const [fields, verdict] = judgeTimestamp(list, ts);
    if (!fields) return [undefined, verdict];
    const { staleSince: _s, freshUntil: _f, ...rest } = list;
    return [{ ...rest, ...fields }, verdict];
  });
}

/** Records a verified timestamp on the pack in force, judged against the edition it answers as after its deltas. */
export async function recordPackTimestamp(store: ListStore, ts: ListTimestamp): Promise<Freshness> {
  return store.updatePack(ts.id, (pack): [StoredPack | undefined, Freshness] => {
    if (!pack) return [undefined, 'no-list'];
    const { list, sha256 } = packEdition(pack);
    const [fields, verdict] = judgeTimestamp({ version: list.version, sha256, ...(pack.freshUntil ? { freshUntil: pack.freshUntil } : {}), ...(pack.staleSince ? { staleSince: pack.staleSince } : {}) }, ts);
    if (!fields) return [undefined, verdict];
    const { staleSince: _s, freshUntil: _f, ...rest } = pack;
    return [{ ...rest, ...fields }, verdict];
  });
}

/**
 * From when the list is not known to be current, if ever: the earlier of a recorded newer edition's timestamp and
 * the expiry of the last timestamp that vouched for it. A list whose publisher never sent a timestamp has none.
 */
export function staleSinceOf(list: Pick<StoredList, 'staleSince' | 'freshUntil'>): string | undefined {
  const xs = [list.staleSince, list.freshUntil].filter((x): x is string => !!x);
  return xs.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}
