import type { TrustList } from './schema';

/**
 * The issuer's own page for checking one of its marks, away from the page that shows it (trust list `check`,
 * docs/trust-list.md): `{uscc}` replaced by the mark subject's code, URL-encoded (empty for a seller without one).
 * Undefined when the issuer is unknown, declares no check page, or the result is not an https URL.
 */
export function issuerCheckUrl(trust: TrustList | undefined, issuerId: string | undefined, uscc?: string): string | undefined {
  const template = trust?.issuers.find((i) => i.id === issuerId)?.check;
  if (!template) return undefined;
  try {
    const url = new URL(template.replace('{uscc}', encodeURIComponent(uscc ?? '')));
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
