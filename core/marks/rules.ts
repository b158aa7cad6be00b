// The URL parser was a fifth of a mark's check, and one signer's marks share a few origins: the last good one is kept.
let lastOrigin: string | undefined;

/** An exact web origin (`https://shop.example.com`: scheme and host, lower case, no path). */
function isOrigin(o: string): boolean {
  if (o === lastOrigin) return true;
  try {
    const ok = /^https?:\/\//.test(o) && new URL(o).origin === o;
    if (ok) lastOrigin = o;
    return ok;
  } catch {
    return false;
  }
}

/** The parts of a mark payload (core/marks/schema.ts) that its cross-field rules read. */
interface Payload {
  iat: number;
  exp: number;
  sub: { uscc?: string; kind: string };
  licence?: { uscc?: string };
  identity: { realName?: string; selfDeclaration?: unknown };
}

/**
 * The mark payload's rules beyond its shape, each a predicate and the message it fails with. Kept free of zod: the
 * schema (core/marks/schema.ts) and the zod-free validator (core/validate, keyed by message) apply the same functions.
 */
export const MARK_RULES = {
  origin: { message: 'must be an origin such as https://shop.example.com (no path, lower case)', zh: '应为源地址，如 https://shop.example.com（无路径，小写）', test: isOrigin },
  pathEndsWithSlash: { message: 'must end with / so that /shop/12/ never covers /shop/123/', zh: '应以 / 结尾，以免 /shop/12/ 覆盖 /shop/123/', test: (p: string) => p.endsWith('/') },
  pathSegments: { message: 'must not contain dot segments or empty segments', zh: '不得含有点段或空段', test: (p: string) => !/(^|\/)(\.|%2E){1,2}(\/|$)/i.test(p) && !p.includes('//') },
  expAfterIat: { message: 'exp must be after iat', zh: 'exp 应晚于 iat', test: (m: Payload) => m.exp > m.iat },
  sameUscc: { message: 'licence and subject USCC differ', zh: '营业执照与主体的统一社会信用代码不一致', test: (m: Payload) => !m.licence?.uscc || !m.sub.uscc || m.licence.uscc === m.sub.uscc },
  maskedRealName: {
    message: "an individual seller's real name must be masked (e.g. 王*明)",
    zh: '个人卖家的真实姓名须打码（如 王*明）',
    test: (m: Payload) => m.sub.kind !== 'individual-seller' || !m.identity.realName || /[*＊]/.test(m.identity.realName),
  },
  selfDeclaration: {
    message: 'an individual seller without a licence needs a self-declaration',
    zh: '无营业执照的个人卖家须有自我声明',
    test: (m: Payload) => m.sub.kind !== 'individual-seller' || !!m.licence || !!m.identity.selfDeclaration,
  },
} as const;

/** Each mark rule's English message → its Chinese, for messages shown in both languages (firstIssueBoth). */
export const MARK_RULES_ZH: Readonly<Record<string, string>> = /* @__PURE__ */ Object.fromEntries(Object.values(MARK_RULES).map((r) => [r.message, r.zh]));
