import { readFile, writeFile } from 'node:fs/promises';
import { ADAPTERS_SUFFIX, ListError, readAdapterData, signList, toListError, verifyAdapterData, type AdapterDataFile, type KeyLookup } from '../../core/lists';
import { sha256Hex, type PrivateJwk } from '../../core/crypto';
import { emit, say } from '../io';

/** Whether a file given to `list sign|verify` is an adapter data file (docs/adapter-data.md), by its name. */
export const isAdapterFile = (file: string): boolean => file.endsWith(ADAPTERS_SUFFIX);

function refuse(file: string, err: unknown): false {
  const e = toListError(err);
  say(`${file}: ${e.zh} / ${e.en}`);
  emit({ file, ok: false, adapters: true, error: { code: e.code, en: e.en, zh: e.zh } });
  return false;
}

const summary = (file: string, data: AdapterDataFile, bytes: Uint8Array) => ({
  file, adapters: true, id: data.id, version: data.version, keyId: data.keyId, expires: data.expires, sites: data.sites.map((s) => s.site), bytes: bytes.length, sha256: sha256Hex(bytes),
});

/** `list sign` of an adapter data file: checks the format and that `keyId` names the key, then writes `<file>.sig`. */
export async function signAdapterFile(file: string, key: PrivateJwk & { kid: string }): Promise<boolean> {
  try {
    const bytes = new Uint8Array(await readFile(file));
    const data = readAdapterData(bytes);
    if (data.keyId !== key.kid) throw new ListError('key-mismatch', `file names ${data.keyId}, key is ${key.kid}`);
    await writeFile(`${file}.sig`, `${JSON.stringify(await signList(bytes, key), null, 2)}\n`);
    emit({ ...summary(file, data, bytes), ok: true, signature: 'verified', sig: `${file}.sig` });
    return true;
  } catch (err) {
    return refuse(file, err);
  }
}

/**
 * `list verify` of an adapter data file, as a subscriber checks it: format, size, signature, and a key of an
 * `adapter-publisher` issuer (from the trust list; a bare --pub key is taken as given).
 */
export async function verifyAdapterFile(file: string, keys: KeyLookup, now: () => number): Promise<boolean> {
  try {
    const bytes = new Uint8Array(await readFile(file).catch(() => { throw new ListError('read-failed', `${file} not found`); }));
    const sig = await readFile(`${file}.sig`).catch(() => { throw new ListError('bad-signature-file', `${file}.sig not found`); });
    const data = await verifyAdapterData(bytes, sig, keys, now());
    emit({ ...summary(file, data, bytes), ok: true, signature: 'verified' });
    return true;
  } catch (err) {
    return refuse(file, err);
  }
}
