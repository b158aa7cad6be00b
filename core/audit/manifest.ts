// What binds a report folder (or an extension export) together: every file with its SHA-256, optionally signed.
import * as z from 'zod/mini';
import { verifyBytes, type PrivateJwk, type PublicJwk } from '../crypto/ed25519';
import { decodeCompactJws, JwsFormatError, signCompactJws } from '../trust/jws';

export const MANIFEST_FORMAT = 'xinbiao-audit-manifest/1';
/** JWS `typ` of a signed manifest (`manifest.jws`); its payload is the manifest itself. */
export const MANIFEST_TYP = 'xinbiao-audit-manifest+jws';
/** The manifest's own files, never listed in it. */
export const MANIFEST_FILES = ['manifest.json', 'manifest.jws'] as const;

const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** One file of the folder: its path relative to the folder (`/`-separated), SHA-256 (hex) and size in bytes. */
export const ManifestFile = z.strictObject({
  path: z.string().check(z.minLength(1), z.maxLength(1000)),
  sha256: hex64,
  size: z.number().check(z.int(), z.minimum(0)),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

/** manifest.json: the run it belongs to (run id and the run record's digest) and every file, sorted by path. */
export const Manifest = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  runId: z.string().check(z.maxLength(200)),
  createdAt: z.string().check(z.maxLength(40)),
  files: z.array(ManifestFile),
});
export type Manifest = z.infer<typeof Manifest>;

/** The manifest of `files` (already hashed), sorted by path so the same folder always gives the same manifest. */
export function buildManifest(runId: string, createdAt: string, files: readonly ManifestFile[]): Manifest {
  return { format: MANIFEST_FORMAT, runId, createdAt, files: [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

/** What differs between a manifest and the files found now: each list holds paths, sorted. */
export interface ManifestDiff {
  changed: string[];
  added: string[];
  missing: string[];
}

/** Compares the manifest with the files as they are now (hashed by the caller); the manifest's own files are ignored. */
export function diffManifest(manifest: Manifest, found: readonly ManifestFile[]): ManifestDiff {
  const now = new Map(found.filter((f) => !(MANIFEST_FILES as readonly string[]).includes(f.path)).map((f) => [f.path, f]));
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const changed = manifest.files.filter((f) => now.has(f.path) && (now.get(f.path)!.sha256 !== f.sha256 || now.get(f.path)!.size !== f.size)).map((f) => f.path);
  const missing = manifest.files.filter((f) => !now.has(f.path)).map((f) => f.path);
  const added = [...now.keys()].filter((p) => !listed.has(p));
  return { changed: changed.sort(), added: added.sort(), missing: missing.sort() };
}

/** Signs the manifest as a compact JWS (EdDSA/Ed25519, typ MANIFEST_TYP, the key's kid). */
export function signManifest(manifest: Manifest, key: PrivateJwk): Promise<string> {
  return signCompactJws(manifest, key, MANIFEST_TYP);
}

/** How a signed manifest checked: `valid`; `bad-signature` (another key, or altered); `mismatch` (signs another manifest); `malformed`. */
export type SignatureCheck = 'valid' | 'bad-signature' | 'mismatch' | 'malformed';

/**
 * Checks `manifest.jws` against the public key and the manifest.json read beside it: the signature must verify with
 * `key` and its payload must be that same manifest (compared as canonical JSON of the parsed manifest).
 */
export async function checkManifestSignature(jws: string, manifest: Manifest, key: PublicJwk): Promise<SignatureCheck> {
  let decoded;
  try {
    decoded = decodeCompactJws(jws, MANIFEST_TYP, 16 * 1024 * 1024);
  } catch (err) {
    if (err instanceof JwsFormatError) return 'malformed';
    throw err;
  }
  if (!(await verifyBytes(key, decoded.signingInput, decoded.signature))) return 'bad-signature';
  const signed = Manifest.safeParse(decoded.payload);
  return signed.success && JSON.stringify(signed.data) === JSON.stringify(manifest) ? 'valid' : 'mismatch';
}
