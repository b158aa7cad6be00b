import type { Refine } from '../types';
import type { MarkPayload } from '../../marks/schema';

// The refinements of core/marks/schema.ts, keyed by their messages; test/unit/core/validate proves they agree with zod.
// The URL parser was a fifth of a mark's check, and one signer's marks share a few origins: the last good one is kept.
let lastOrigin: string | undefined;
const isOrigin = (o: string): boolean => {
  if (o === lastOrigin) return true;
  try {
    const ok = /^https?:\/\//.test(o) && new URL(o).origin === o;
    if (ok) lastOrigin = o;
    return ok;
  } catch {
    return false;
  }
};

/** Implementations of the refinements the generator found in core/marks/schema.ts. */
export const refines: Record<string, Refine> = {
  'must be an origin such as https://shop.example.com (no path, lower case)': isOrigin,
  'must end with / so that /shop/12/ never covers /shop/123/': (p: string) => p.endsWith('/'),
  'must not contain dot segments or empty segments': (p: string) => !/(^|\/)(\.|%2E){1,2}(\/|$)/i.test(p) && !p.includes('//'),
  'exp must be after iat': (m: MarkPayload) => m.exp > m.iat,
  'licence and subject USCC differ': (m: MarkPayload) => !m.licence?.uscc || !m.sub.uscc || m.licence.uscc === m.sub.uscc,
  "an individual seller's real name must be masked (e.g. 王*明)": (m: MarkPayload) => m.sub.kind !== 'individual-seller' || !m.identity.realName || /[*＊]/.test(m.identity.realName),
  'an individual seller without a licence needs a self-declaration': (m: MarkPayload) => m.sub.kind !== 'individual-seller' || !!m.licence || !!m.identity.selfDeclaration,
};
