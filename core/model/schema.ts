import * as z from 'zod/mini';
import { USCC_PATTERN } from '../identifiers';
import { day, shownName, text, when } from './fields';

export { USCC_PATTERN };

// zod/mini so the widget can share these schemas at a fraction of full zod's size (and with no eval under CSP).

/** Where a value came from and when it was read. Every part of a credit status carries one. */
export const Provenance = z.object({
  /** Stable id of the source, e.g. `list:demo-black@2026-11-01`, `endpoint:https://…`, `mark:demo-platform`, `page`. */
  source: text(300),
  /** Human-readable name of the source (publisher, platform, page). */
  sourceName: z.optional(text(200)),
  /** When we last read or refreshed the value (a list's import, an endpoint's answer, a mark's check). */
  retrievedAt: when,
  /** When the publisher issued the value: a list file's `issued`, a mark's `iat`. */
  issued: z.optional(when),
  /** When the source stops vouching for the value (a list file's `expires`); past it the value still shows, marked. */
  expires: z.optional(when),
  /** Where a person can check the value themselves. */
  url: z.optional(z.url()),
});
export type Provenance = z.infer<typeof Provenance>;

export const Uscc = z.string().check(z.regex(USCC_PATTERN));

export const SubjectKind = z.enum(['company', 'individual-business', 'individual-seller']);
export type SubjectKind = z.infer<typeof SubjectKind>;

export const Subject = z.object({
  uscc: z.optional(Uscc),
  name: shownName(200),
  kind: SubjectKind,
  provenance: Provenance,
});
export type Subject = z.infer<typeof Subject>;

/** 营业执照 fields as published; all but code and name are optional because pages and lists show subsets. */
export const Licence = z.object({
  uscc: z.optional(Uscc),
  name: shownName(200),
  type: z.optional(text(100)),
  address: z.optional(text(300)),
  legalRepresentative: z.optional(shownName(100)),
  established: z.optional(day),
  registeredCapital: z.optional(text(100)),
  authority: z.optional(text(200)),
  businessScope: z.optional(text(4000)),
  validUntil: z.optional(z.union([day, z.literal('长期')])),
  /** Registration status as published, e.g. 存续, 在业, 吊销, 注销. */
  status: z.optional(text(50)),
  provenance: Provenance,
});
export type Licence = z.infer<typeof Licence>;

/** Exemptions of 《电子商务法》 Art. 10 under which an individual seller shows a self-declaration instead of a licence. */
export const Exemption = z.enum(['farm-produce', 'handicraft', 'convenience-service', 'sporadic-small', 'other']);

export const IdentityMark = z.object({
  /** Who verified the operator's identity (the platform), and when. */
  verifiedBy: shownName(200),
  verifiedAt: day,
  method: z.optional(text(200)),
  /** Already masked for individuals (e.g. 张*三); never the full name of a natural person. */
  realName: z.optional(shownName(100)),
  selfDeclaration: z.optional(z.object({ text: text(1000), exemption: Exemption })),
  provenance: Provenance,
});
export type IdentityMark = z.infer<typeof IdentityMark>;

/** Known schemes (docs/domain.md §6); `platform` is a platform's own rating, always labelled as such. */
export const CreditScheme = z.enum(['tax', 'public-credit', 'samr-risk', 'customs', 'rating-agency', 'platform']);
export type CreditScheme = z.infer<typeof CreditScheme>;

export const CreditLevel = z.object({
  scheme: CreditScheme,
  schemeName: shownName(100),
  level: shownName(40),
  issuer: shownName(200),
  date: day,
  validUntil: z.optional(day),
  provenance: Provenance,
});
export type CreditLevel = z.infer<typeof CreditLevel>;

export const ListKind = z.enum(['red', 'black', 'abnormal', 'seriously-dishonest', 'judgment-defaulter']);
export type ListKind = z.infer<typeof ListKind>;

export const ListEntry = z.object({
  list: ListKind,
  reason: text(1000),
  authority: text(200),
  since: day,
  until: z.optional(day),
  /** Set when the subject repaired its credit (信用修复); a repaired entry no longer counts. */
  repairedAt: z.optional(day),
  provenance: Provenance,
});
export type ListEntry = z.infer<typeof ListEntry>;

/** 双公示 records: administrative licences and penalties. */
export const CreditRecord = z.object({
  type: z.enum(['licence', 'penalty']),
  title: text(300),
  number: z.optional(text(100)),
  authority: text(200),
  date: day,
  content: z.optional(text(4000)),
  provenance: Provenance,
});
export type CreditRecord = z.infer<typeof CreditRecord>;

/** 信用承诺 in the standard format: who promised what, when. */
export const Commitment = z.object({
  title: text(200),
  text: text(4000),
  madeAt: day,
  provenance: Provenance,
});
export type Commitment = z.infer<typeof Commitment>;

/** Everything known about one market subject, each part with its own provenance. */
export const CreditStatus = z.object({
  subject: Subject,
  licence: z.optional(Licence),
  identityMark: z.optional(IdentityMark),
  creditLevels: z.array(CreditLevel),
  listEntries: z.array(ListEntry),
  records: z.array(CreditRecord),
  commitments: z.array(Commitment),
  /** When the whole status was assembled; the oldest part's retrievedAt tells how fresh it really is. */
  asOf: when,
});
export type CreditStatus = z.infer<typeof CreditStatus>;
