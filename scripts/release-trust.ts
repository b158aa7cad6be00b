// Checks the trust root and trust list a release build is made from (npm run build:release, scripts/build.mjs):
// both given, readable, the list signed by the root and in force, and no key among them one of the sample keys.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isPublicJwk } from '../core/crypto';
import { trustErrorText, verifyTrustList } from '../core/trust';

/** A refusal, Chinese first. */
export interface Refusal {
  zh: string;
  en: string;
}

/** The `x` of every sample key (samples/keys and the sample trust list's issuers): their private halves are public. */
export function sampleKeyXs(samplesDir: string): Set<string> {
  const keys = readdirSync(join(samplesDir, 'keys'))
    .filter((f) => f.endsWith('.jwk.json'))
    .map((f) => (JSON.parse(readFileSync(join(samplesDir, 'keys', f), 'utf8')) as { x?: string }).x);
  const issuers = (JSON.parse(readFileSync(join(samplesDir, 'trust/issuers.json'), 'utf8')) as { issuers: { keys: { x: string }[] }[] }).issuers;
  return new Set([...keys, ...issuers.flatMap((i) => i.keys.map((k) => k.x))].filter((x): x is string => !!x));
}

/**
 * What is wrong with XINBIAO_TRUST_ROOT (a public JWK file) and XINBIAO_TRUST_LIST (a trust.jws) for a release:
 * missing, unreadable, not an Ed25519 public key, a list the root did not sign or that is not in force at `now`, or a
 * sample key as the root or as any issuer's key. Empty when the pair may be published.
 */
export async function releaseTrustProblems(env: Record<string, string | undefined>, samplesDir: string, now = Date.now()): Promise<Refusal[]> {
  const rootPath = env.XINBIAO_TRUST_ROOT;
  const listPath = env.XINBIAO_TRUST_LIST;
  const missing: Refusal[] = [];
  if (!rootPath) missing.push({ zh: '未设置 XINBIAO_TRUST_ROOT（正式根公钥 JWK 文件）', en: 'XINBIAO_TRUST_ROOT (the production root public JWK file) is not set' });
  if (!listPath) missing.push({ zh: '未设置 XINBIAO_TRUST_LIST（正式信任名单 trust.jws）', en: 'XINBIAO_TRUST_LIST (the production trust list, trust.jws) is not set' });
  if (!rootPath || !listPath) return missing;
  let root: unknown;
  let jws: string;
  try {
    root = JSON.parse(readFileSync(resolve(rootPath), 'utf8'));
    jws = readFileSync(resolve(listPath), 'utf8').trim();
  } catch (err) {
    return [{ zh: `无法读取根公钥或信任名单：${(err as Error).message}`, en: `cannot read the root key or the trust list: ${(err as Error).message}` }];
  }
  if (!isPublicJwk(root) || 'd' in (root as object)) {
    return [{ zh: 'XINBIAO_TRUST_ROOT 不是 Ed25519 公钥 JWK（私钥不得用于构建）', en: 'XINBIAO_TRUST_ROOT is not an Ed25519 public JWK (a private key never goes into a build)' }];
  }
  const samples = sampleKeyXs(samplesDir);
  const problems: Refusal[] = [];
  if (samples.has(root.x)) problems.push({ zh: `根公钥 ${root.kid ?? root.x} 是示例密钥，其私钥已公开`, en: `the root key ${root.kid ?? root.x} is a sample key whose private half is public` });
  const verified = await verifyTrustList(jws, root, now);
  if (!verified.ok) {
    const [zh, en] = trustErrorText(verified);
    return [...problems, { zh: `信任名单未通过根公钥核验：${zh}`, en: `the trust list does not verify with the root key: ${en}` }];
  }
  for (const issuer of verified.trust.issuers) {
    for (const key of issuer.keys) {
      if (samples.has(key.x)) problems.push({ zh: `签发者 ${issuer.id} 的密钥 ${key.kid} 是示例密钥`, en: `issuer ${issuer.id}'s key ${key.kid} is a sample key` });
    }
  }
  return problems;
}

// Run as a script: exit 1 with every refusal on stderr, both languages.
if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await releaseTrustProblems(process.env, resolve(import.meta.dirname, '../samples'));
  for (const p of problems) process.stderr.write(`拒绝构建正式版：${p.zh}\nrelease build refused: ${p.en}\n`);
  process.exit(problems.length ? 1 : 0);
}
