import { base64urlDecode } from '../crypto';

/**
 * The subject a `<xinbiao-mark>` token claims, read from the JWS payload without verifying it (detection only
 * says what the page shows; core/marks verifies). Null for anything that is not a readable compact JWS.
 */
export function claimedSubject(token: string): { uscc: string | null; name: string | null } | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[1]!.length > 20_000) return null;
  try {
    const payload: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64urlDecode(parts[1]!)));
    const sub = (payload as { sub?: unknown })?.sub;
    if (!sub || typeof sub !== 'object') return null;
    const { uscc, name } = sub as { uscc?: unknown; name?: unknown };
    const u = typeof uscc === 'string' && uscc.length <= 40 ? uscc.toUpperCase() : null;
    const n = typeof name === 'string' && name.length <= 200 ? name : null;
    return u || n ? { uscc: u, name: n } : null;
  } catch {
    return null;
  }
}
