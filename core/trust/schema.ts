import * as z from 'zod/mini';
import { text, when } from '../model/fields';

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,99}$/u));

export const TRUST_FORMAT = 'xinbiao-trust/1';
export const TRUST_TYP = 'xinbiao-trust+jws';

/**
 * An origin an issuer may bind marks to: `scheme://host` (default port only), `scheme://host:port` (that port,
 * 1–65535 without leading zeros: a URL's origin never shows another), or `scheme://host:*` (any port). Hosts are
 * exact: no wildcard subdomains.
 */
export const OriginPattern = z.string().check(
  z.regex(/^https?:\/\/[a-z0-9.-]+(?::(?:[1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5]|\*))?$/u),
);

/** One public key of an issuer: an Ed25519 JWK plus the period it may be used in. */
export const TrustKey = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/u)),
  kid: text(100),
  from: when,
  until: when,
});
export type TrustKey = z.infer<typeof TrustKey>;

/** A key withdrawn before its end (compromise, staff change): from `at` on, nothing it signed counts. */
export const RevokedKey = z.object({ kid: text(100), at: when, reason: z.optional(text(500)) });
export type RevokedKey = z.infer<typeof RevokedKey>;

export const IssuerKind = z.enum(['platform', 'list-publisher', 'both', 'adapter-publisher']);
export type IssuerKind = z.infer<typeof IssuerKind>;

/**
 * Someone whose signatures the kit accepts: a platform (shop marks), a list publisher (credit lists), both, or an
 * adapter publisher (site adapter data files, docs/adapter-data.md: that role only).
 */
export const Issuer = z.object({
  id,
  name: text(200),
  kind: IssuerKind,
  /** Where this issuer's marks may be shown; empty for a pure list publisher. */
  origins: z.array(OriginPattern),
  keys: z.array(TrustKey).check(z.minLength(1)),
  revoked: z.array(RevokedKey),
  /**
   * Optional: an https page on the issuer's own site where anyone can check a mark it issued, away from the page that
   * shows it (as SAMR's 亮照 check page is). `{uscc}` is replaced by the mark subject's code. docs/trust-list.md.
   */
  check: z.optional(z.string().check(z.regex(/^https:\/\/[a-z0-9.-]+(?::\d{1,5})?\/[^\s"'<>]{0,400}$/u))),
  /** Where the issuer publishes its signed status list (docs/status-list.md); every mark it issues then carries a `status` index. */
  statusList: z.optional(z.string().check(z.maxLength(500), z.regex(/^https?:\/\/[^\s#]+$/u))),
  /** The longest a mark of this issuer may live (exp − iat), in days; a longer-lived mark is refused. */
  maxMarkDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(3660))),
});
export type Issuer = z.infer<typeof Issuer>;

/** The payload of the signed trust list. */
export const TrustList = z.object({
  format: z.literal(TRUST_FORMAT),
  /** Monotonic: a client keeps the highest version it has verified. */
  version: z.number().check(z.int(), z.minimum(1)),
  issued: when,
  expires: when,
  issuers: z.array(Issuer),
});
export type TrustList = z.infer<typeof TrustList>;
