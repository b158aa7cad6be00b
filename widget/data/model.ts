import type { CreditStatus, MarkCheckView, VerdictView } from '../ui/types';

/** Everything a shop mark shows, resolved from a token and/or the platform's status endpoint. */
export interface MarkModel {
  verdict: VerdictView;
  status?: CreditStatus;
  check?: MarkCheckView;
  /** The shop's display name on the platform, when the mark carries one. */
  shopName?: string;
}

/** The element's configuration, read from its attributes. */
export interface MarkConfig {
  token?: string;
  /** Signed trust list: a URL (platform's own origin) or `#id` of an inline `<script type="application/jose">`. */
  trust?: string;
  /** Root public key (JWK) that signs the trust list: URL or `#id` of `<script type="application/jwk+json">`. */
  trustRoot?: string;
  /** Status endpoint base; `GET <base>/v1/subjects/<USCC>`. */
  endpoint?: string;
  uscc?: string;
}
