import * as z from 'zod/mini';
import { text, when } from '../model/fields';
import { CreditLevel, ListEntry, ListKind, Uscc } from '../model/schema';


export const LIST_FORMAT = 'xinbiao-list/1';

/** What a list file holds: one of the list kinds, or credit levels. */
export const ListFileKind = z.enum([...ListKind.options, 'credit-level']);
export type ListFileKind = z.infer<typeof ListFileKind>;

/** Line 1 of a credit list file. */
export const ListHeader = z.object({
  format: z.literal(LIST_FORMAT),
  /** Stable id of this list across versions, e.g. `demo-black`; a subscription tracks it. */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/)),
  name: text(200),
  publisher: z.object({ id: text(100), name: text(200) }),
  kind: ListFileKind,
  /** Monotonic per list id: a newer version replaces the old one, the same version is a no-op. */
  version: z.number().check(z.int(), z.minimum(1)),
  issued: when,
  expires: when,
  /** Key that signed the file; looked up in the trust list. */
  keyId: text(100),
  /** Number of entry lines, when the publisher states it (checked on import). */
  count: z.optional(z.number().check(z.int(), z.minimum(0))),
});
export type ListHeader = z.infer<typeof ListHeader>;

const subjectPart = {
  /** At least one of uscc and name identifies the subject. */
  uscc: z.optional(Uscc),
  name: text(200),
};

/** One line of a red / black / abnormal / seriously-dishonest / judgment-defaulter list: a list entry without its
 * list (the header says it) and provenance (the importer adds it), plus the subject. */
export const ListLine = z.extend(z.omit(ListEntry, { list: true, provenance: true }), subjectPart);
export type ListLine = z.infer<typeof ListLine>;

/** One line of a credit-level list: a credit level without provenance, plus the subject. */
export const CreditLevelLine = z.extend(z.omit(CreditLevel, { provenance: true }), subjectPart);
export type CreditLevelLine = z.infer<typeof CreditLevelLine>;

/** Detached signature file (`<list>.sig`): Ed25519 over the SHA-256 digest of the list file's exact bytes. */
export const ListSignature = z.object({
  format: z.literal('xinbiao-list-sig/1'),
  alg: z.literal('Ed25519-SHA256'),
  keyId: text(100),
  /** Hex SHA-256 of the file, so a streaming importer can compare before it commits. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  size: z.number().check(z.int(), z.minimum(0)),
  /** base64url Ed25519 signature over the 32 raw digest bytes. */
  signature: z.string().check(z.regex(/^[A-Za-z0-9_-]{86}$/)),
});
export type ListSignature = z.infer<typeof ListSignature>;
