import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifestSignature, diffManifest, Manifest, type ManifestDiff, type SignatureCheck } from '../../core/audit';
import { isPublicJwk, type PublicJwk } from '../../core/crypto';
import { firstIssue } from '../../core/model';
import { hashFolder } from './seal';

/**
 * What `xinbiao audit verify` found in one folder. `signature`: `unchecked` when no key was given, `absent` when a key
 * was given but the folder has no manifest.jws, else checkManifestSignature's answer. `ok` only when nothing differs
 * and the signature, if checked, is valid.
 */
export interface VerifyResult extends ManifestDiff {
  dir: string;
  ok: boolean;
  runId?: string;
  files?: number;
  signature: SignatureCheck | 'unchecked' | 'absent';
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
  const diff = diffManifest(manifest, hashFolder(dir));
  let signature: VerifyResult['signature'] = 'unchecked';
  if (key) {
    const jwsFile = join(dir, 'manifest.jws');
    signature = existsSync(jwsFile) ? await checkManifestSignature(readFileSync(jwsFile, 'utf8').trim(), manifest, key) : 'absent';
  }
  const ok = diff.changed.length + diff.added.length + diff.missing.length === 0 && (signature === 'unchecked' || signature === 'valid');
  return { dir, ok, runId: manifest.runId, files: manifest.files.length, signature, ...diff };
}

const SIGNATURE_TEXT: Record<VerifyResult['signature'], string> = {
  valid: '签名有效 signature valid',
  'bad-signature': '签名无效（密钥不符或清单被改动） signature invalid (another key, or the manifest was altered)',
  mismatch: '签名所签的不是这份清单 the signature is for another manifest',
  malformed: 'manifest.jws 格式错误 manifest.jws is malformed',
  absent: '缺少签名 manifest.jws not found',
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
