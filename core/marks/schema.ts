import * as z from 'zod/mini';
import { shownName, text } from '../model/fields';
import { CreditLevel, IdentityMark, Licence, SubjectKind, Uscc } from '../model/schema';
import { MARK_RULES as R } from './rules';

export const MARK_TYP = 'xinbiao-mark+jws';

const seconds = z.number().check(z.int(), z.minimum(0), z.maximum(2 ** 40));
const noProvenance = { provenance: true } as const;

/** The shop page a mark belongs to: an exact origin and a path prefix that ends in `/`. */
export const MarkBinding = z.object({
  origin: z.string().check(z.refine(R.origin.test, R.origin.message)),
  path: z.string().check(
    z.regex(/^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/u, 'must be an absolute path without query or fragment'),
    z.refine(R.pathEndsWithSlash.test, R.pathEndsWithSlash.message),
    z.refine(R.pathSegments.test, R.pathSegments.message),
  ),
});
export type MarkBinding = z.infer<typeof MarkBinding>;

/** Who runs the shop, as the platform verified it. */
export const MarkSubject = z.object({ uscc: z.optional(Uscc), name: shownName(200), kind: SubjectKind });
export type MarkSubject = z.infer<typeof MarkSubject>;

/** The signed content of a shop mark (亮照亮标): the model's parts without provenance (the mark is the provenance). */
export const MarkPayload = z.object({
  /** Issuer id in the trust list. */
  iss: text(100),
  /** Issued at / expires, seconds since the epoch (JWT NumericDate). */
  iat: seconds,
  exp: seconds,
  sub: MarkSubject,
  /** The shop's display name on the platform. */
  shop: z.optional(z.object({ name: shownName(200) })),
  licence: z.optional(z.omit(Licence, noProvenance)),
  identity: z.omit(IdentityMark, noProvenance),
  credit: z.array(z.omit(CreditLevel, noProvenance)).check(z.maxLength(20)),
  bind: MarkBinding,
  /** This mark's bit in its issuer's status list (docs/status-list.md): 0-based index, set means revoked. */
  status: z.optional(z.object({ idx: z.number().check(z.int(), z.minimum(0), z.maximum(2 ** 24 - 1)) })),
}).check(
  z.refine(R.expAfterIat.test, { message: R.expAfterIat.message, path: ['exp'] }),
  z.refine(R.sameUscc.test, { message: R.sameUscc.message, path: ['licence', 'uscc'] }),
  z.refine(R.maskedRealName.test, { message: R.maskedRealName.message, path: ['identity', 'realName'] }),
  z.refine(R.selfDeclaration.test, { message: R.selfDeclaration.message, path: ['identity', 'selfDeclaration'] }),
);
export type MarkPayload = z.infer<typeof MarkPayload>;
