import type { CreditLevelLine, ListFileKind, ListLine } from '../lists/schema';

/** A list in force in a local store (the version last imported whole and verified). */
export interface ListInfo {
  id: string;
  name: string;
  kind: ListFileKind;
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
  line: ListLine | CreditLevelLine;
}

/** Local credit lists, whatever stores them (IndexedDB in the browser, memory in the reference server). */
export interface LocalLists {
  byUscc(uscc: string): Promise<ListMatch[]>;
  /** Name normalised first (full/half width, brackets, spaces). */
  byName(name: string): Promise<ListMatch[]>;
  lists(): Promise<ListInfo[]>;
}
