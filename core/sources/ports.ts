import type { CreditLevel, ListEntry, ListKind } from '../model/schema';

// The line shapes are written here from the model, not imported from core/lists: the lists implement these ports,
// so core/sources never depends on them (no folder loop). core/lists/schema's lines are assignable to these.

/** What a list file holds: one of the list kinds, or credit levels (core/lists ListFileKind). */
export type StoredListKind = ListKind | 'credit-level';

/** A subject as one list line names it. */
interface LineSubject {
  uscc?: string;
  name: string;
}

/** One line of a red / black / abnormal … list as read back from a store (core/lists ListLine). */
export type StoredLine = Omit<ListEntry, 'list' | 'provenance'> & LineSubject;

/** One line of a credit-level list as read back from a store (core/lists CreditLevelLine). */
export type StoredLevelLine = Omit<CreditLevel, 'provenance'> & LineSubject;

/** A list in force in a local store (the version last imported whole and verified). */
export interface ListInfo {
  id: string;
  name: string;
  kind: StoredListKind;
  publisher: { id: string; name: string };
  version: number;
  issued: string;
  expires: string;
  importedAt: string;
  count: number;
  /** Where it was downloaded from, when it came from a subscription. */
  url?: string;
  /** From this instant on the list is not known to be current (its signed timestamp lapsed or named a newer edition). */
  staleSince?: string;
}

/** One entry of a local list that matched a lookup, with the list it belongs to. */
export interface ListMatch {
  list: ListInfo;
  line: StoredLine | StoredLevelLine;
}

/** Local credit lists, whatever stores them (IndexedDB in the browser, memory in the reference server). */
export interface LocalLists {
  byUscc(uscc: string): Promise<ListMatch[]>;
  /** Name normalised first (full/half width, brackets, spaces). */
  byName(name: string): Promise<ListMatch[]>;
  lists(): Promise<ListInfo[]>;
}
