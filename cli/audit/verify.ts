import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifestSignature, diffManifest, Manifest, type ManifestDiff, type SignatureCheck } from '../../core/audit';
import { isPublicJwk, type PublicJwk } from '../../core/crypto';
import { firstIssue } from '../../core/model';
import { hashFolder } from './seal';

/**
 * What `xinbiao audit verify` found in one folder. `signature`: `unsigned` when the folder has no manifest.jws (an
 * extension export never has one), `unchecked` when it has one but no key was given, else checkManifestSignature's
 * answer. `ok` only when nothing differs and, with a key, the signature is valid (an unsigned folder fails then).
 */
export interface VerifyResult extends ManifestDiff {
  dir: string;
  ok: boolean;
  runId?: string;
  files?: number;
  signature: SignatureCheck | 'unchecked' | 'unsigned';
  /** Why the folder could not be checked at all (no folder, no or unreadable manifest.json). */
  error?: string;
}

/** Reads a public Ed25519 JWK file; throws with the reason when it is not one (a private key's `d` is dropped). */
export function readPublicKey(file: string): PublicJwk {
  const v = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!isPublicJwk(v)) throw new Error(`${file}: not an Ed25519 public JWK`);
  return { kty: 'OKP', crv: 'Ed25519', x: v.x, ...(v.kid ? { kid: v.kid } : {}) };
}

/** Checks a report folder against its manifest.json (every file's SHA-256 and size) and, with a key, its manifest.jws. */
export async function verifyFolder(dir: string, key?: PublicJwk): Promise<VerifyResult> {
  const empty = { changed: [], added: [], missing: [] };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { dir, ok: false, signature: 'unchecked', ...empty, error: 'not a folder' };
  let manifest: Manifest;
  try {
    const parsed = Manifest.safeParse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    if (!parsed.success) return { dir, ok: false, signature: 'unchecked', ...empty, error: `manifest.json: ${firstIssue(parsed.error)}` };
    manifest = parsed.data;
  } catch (err) {
    return { dir, ok: false, signature: 'unchecked', ...empty, error: `manifest.json: ${(err as Error).message}` };
  }
  const links: string[] = [];
  const diff = diffManifest(manifest, hashFolder(dir, links));
  // A link a reader would open as a file of the report is no file the manifest vouches for.
  diff.added.push(...links);
  const jwsFile = join(dir, 'manifest.jws');
  let signature: VerifyResult['signature'] = 'unsigned';
  if (existsSync(jwsFile)) signature = key ? await checkManifestSignature(readFileSync(jwsFile, 'utf8').trim(), manifest, key) : 'unchecked';
  const signatureOk = signature === 'valid' || (!key && (signature === 'unchecked' || signature === 'unsigned'));
  const ok = diff.changed.length + diff.added.length + diff.missing.length === 0 && signatureOk;
  return { dir, ok, runId: manifest.runId, files: manifest.files.length, signature, ...diff };
}

const SIGNATURE_TEXT: Record<VerifyResult['signature'], string> = {
  valid: '签名有效 signature valid',
  'bad-signature': '签名无效（密钥不符或清单被改动） signature invalid (another key, or the manifest was altered)',
  mismatch: '签名所签的不是这份清单 the signature is for another manifest',
  malformed: 'manifest.jws 格式错误 manifest.jws is malformed',
  unsigned: '未签名 UNSIGNED：没有 manifest.jws，清单只能发现与它不符的文件，不能证明报告由谁出具，改动文件的人也能重写清单；给了 --key 则不通过'
    + ' no manifest.jws: the manifest finds files that differ from it but proves nothing about who made the report, and whoever changes the files can rewrite it; fails when --key is given',
  unchecked: '未检查签名（请用 --key 提供公钥） signature not checked (give --key)',
};

/** Bilingual lines for a person: one per file that changed, was added or is missing, then the signature and the verdict. */
export function describe(r: VerifyResult): string[] {
  if (r.error) return [`${r.dir}: 无法核验 cannot verify: ${r.error}`];
  return [
    ...r.changed.map((p) => `${r.dir}: 文件已改动 changed: ${p}`),
    ...r.added.map((p) => `${r.dir}: 清单外的文件 added: ${p}`),
    ...r.missing.map((p) => `${r.dir}: 文件缺失 missing: ${p}`),
    `${r.dir}: ${SIGNATURE_TEXT[r.signature]}`,
    r.ok ? `${r.dir}: 报告完整，${r.files} 个文件与清单一致 intact: ${r.files} files match the manifest` : `${r.dir}: 核验未通过 verification FAILED`,
  ];
}
