import * as z from 'zod/mini';
import { text, when } from '../model/fields';
import { sha256Hex } from '../crypto/sha256';
import { verifySignedJson, type KeyLookup } from './checks';
import { ListError } from './errors';
import { ListHeader, type ListSignature } from './schema';
import { regexProblem } from './adapter-pattern';

export { MAX_PATTERN, execWay, leadingLiteral, pageBudget, patternWork, regexProblem, startsFor, type PatternBudget } from './adapter-pattern';

export const ADAPTERS_FORMAT = 'xinbiao-adapters/1';
/** A subscription URL ending so is an adapter data file (docs/adapter-data.md); its signature is `<url>.sig`. */
export const ADAPTERS_SUFFIX = '.adapters.json';
/** The largest adapter data file read, in bytes: a few platforms' selectors and patterns fit in a tenth of it. */
export const MAX_ADAPTERS_BYTES = 64 * 1024;
/** The longest CSS selector a file may carry. */
export const MAX_SELECTOR = 200;

const PATTERN_MESSAGE = 'pattern must be a valid regular expression without nested or alternated repeats or back-references / 正则表达式须有效，且不得重复含量词或分支的分组、不得含反向引用 (docs/adapter-data.md)';

const Pattern = z.string().check(z.refine((p) => regexProblem(p) === null, PATTERN_MESSAGE));
/** A CSS selector: bounded, no control characters or braces (a style block, not a selector). */
const Selector = z.string().check(z.minLength(1), z.maxLength(MAX_SELECTOR), z.regex(/^[^\u0000-\u001f\u007f{};]+$/));
const Selectors = z.array(Selector).check(z.maxLength(16));
const Decode = z.enum(['uri', 'json']);
const Attribute = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_:.-]{0,40}$/));

/** One way to read a value from a page (the shapes of extension/sites/define-site.ts `Way`), unknown fields refused. */
export const AdapterWay = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('script'), pattern: Pattern, decode: z.optional(Decode) }),
  z.strictObject({ from: z.literal('url'), pattern: Pattern }),
  z.strictObject({ from: z.literal('near'), controls: z.array(text(20)).check(z.minLength(1), z.maxLength(8)), pattern: z.optional(Pattern), attr: z.optional(z.literal('href')) }),
  z.strictObject({ from: z.literal('selector'), selector: Selector, attr: z.optional(Attribute), own: z.optional(z.boolean()), pattern: z.optional(Pattern), decode: z.optional(Decode) }),
]);
export type AdapterWay = z.infer<typeof AdapterWay>;
const Ways = z.array(AdapterWay).check(z.maxLength(12));

/**
 * What a file may change of one site adapter: where the shop name and shop id are (`selectors.shopName`, `spaRoot`,
 * `ways.shopName`, `ways.shopId`) and its licence page address (https, with `{id}`; the reader also requires one of
 * the site's own hosts). Never what decides a verdict (the operator ways, the licence, hover-title and platform
 * blocks), never `matches`, `pages` or `exclude` (the manifest's permissions and injection), never code. Each field
 * given replaces the bundled one.
 */
export const AdapterSiteData = z.strictObject({
  site: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,31}$/)),
  selectors: z.optional(z.strictObject({ shopName: z.optional(Selectors), spaRoot: z.optional(Selector) })),
  ways: z.optional(z.strictObject({ shopName: z.optional(Ways), shopId: z.optional(Ways) })),
  licenceUrl: z.optional(z.string().check(z.maxLength(300), z.regex(/^https:\/\/[a-z0-9.-]+\/[^\s"'<>{}]*\{id\}[^\s"'<>{}]*$/))),
});
export type AdapterSiteData = z.infer<typeof AdapterSiteData>;

/** An adapter data file (`xinbiao-adapters/1`): a list-like header, then per site id the data that replaces the bundled. */
export const AdapterDataFile = z.strictObject({
  format: z.literal(ADAPTERS_FORMAT),
  id: ListHeader.shape.id,
  name: text(200),
  publisher: z.strictObject({ id: text(100), name: text(200) }),
  kind: z.literal('adapters'),
  /** Monotonic per id: a subscriber never goes back to an older version. */
  version: z.number().check(z.int(), z.minimum(1)),
  issued: when,
  expires: when,
  keyId: text(100),
  sites: z.array(AdapterSiteData).check(
    z.minLength(1),
    z.maxLength(32),
    z.refine((sites) => new Set(sites.map((s) => s.site)).size === sites.length, 'each site id appears once'),
  ),
});
export type AdapterDataFile = z.infer<typeof AdapterDataFile>;

/**
 * Verifies an adapter data file's exact bytes against its `.sig` (the list signature format): at most
 * MAX_ADAPTERS_BYTES, digest, JSON valid against AdapterDataFile (unknown fields refused: `bad-adapters`), the key
 * of `keyId` for an `adapter-publisher` issuer whose id is `publisher.id` (the lookup's business: `wrong-role`,
 * `publisher-mismatch`, `unknown-key`), not expired or issued in the future, then the Ed25519 signature.
 * Throws ListError.
 */
export async function verifyAdapterData(bytes: Uint8Array, signature: ListSignature | string | Uint8Array, keys: KeyLookup, now: number): Promise<AdapterDataFile> {
  checkSize(bytes);
  try {
    return await verifySignedJson(bytes, signature, AdapterDataFile, (d) => d as unknown as ListHeader, keys, now, 'bad-adapters');
  } catch (err) {
    // The list wording names list publishers; say which role adapter data needs.
    if (err instanceof ListError && err.code === 'wrong-role') {
      throw new ListError('wrong-role', `${err.detail}; adapter data is signed by adapter-publisher keys only`, undefined, `${err.detail}；站点适配数据只能由适配数据发布者（adapter-publisher）的密钥签署`);
    }
    throw err;
  }
}

const checkSize = (bytes: Uint8Array) => {
  if (bytes.length > MAX_ADAPTERS_BYTES) throw new ListError('bad-adapters', `${bytes.length} bytes, at most ${MAX_ADAPTERS_BYTES}`);
};

/**
 * An adapter data file's content checked against the format alone, without its signature (what a publisher checks
 * before signing): size, UTF-8 JSON, AdapterDataFile. Throws ListError `bad-adapters` naming the first issue's path.
 */
export function readAdapterData(bytes: Uint8Array): AdapterDataFile {
  checkSize(bytes);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ListError('bad-adapters', 'not JSON');
  }
  const parsed = AdapterDataFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ListError('bad-adapters', `${issue?.path.join('.') || '(file)'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** An adapter data file in force on a device: where it came from, the digest of its bytes and its content. */
export interface StoredAdapterData {
  url: string;
  sha256: string;
  data: AdapterDataFile;
}

/** Where verified adapter data is kept (the extension: its local storage, read by the content script). */
export interface AdapterDataPort {
  get(id: string): Promise<StoredAdapterData | undefined>;
  put(file: StoredAdapterData): Promise<void>;
  remove(id: string): Promise<void>;
}

/** How an import went, in the shape of a list import's result (subscriptions record id and version). */
export interface AdapterImportResult {
  outcome: 'imported' | 'unchanged';
  list: { id: string; version: number; name: string };
}

/**
 * Removes the file of id `id` from `port` when it no longer holds at `now`: it has expired, or the key that signed
 * it no longer answers (revoked, out of its period, gone from the trust list: the `keys` lookup). A refused update
 * leaves the file in force, so without this a compromised publisher's file would outlive the key's revocation.
 * Returns the reason it was removed (ListError `expired` or `unknown-key`), or null when it still holds or none is kept.
 */
export async function dropLapsedAdapterData(port: AdapterDataPort, id: string, keys: KeyLookup, now: number): Promise<ListError | null> {
  const kept = await port.get(id);
  if (!kept) return null;
  let why: ListError | null = null;
  if (!(Date.parse(kept.data.expires) > now)) why = new ListError('expired', kept.data.expires);
  else {
    const found = await Promise.resolve(keys(kept.data.keyId, kept.data.publisher.id)).catch((err: unknown) => ({ error: String(err) }));
    if ('error' in found) why = new ListError('unknown-key', `${kept.data.keyId} (${typeof found.error === 'string' ? found.error : (found.error.message ?? found.error.code ?? '')})`);
  }
  if (why) await port.remove(id);
  return why;
}

/**
 * Verifies a file (verifyAdapterData) and puts it in force unless the same id is in force at a newer version
 * (`older-version`) or at the same version (unchanged: versions only move forward). A refused file changes nothing.
 */
export async function importAdapterData(port: AdapterDataPort, url: string, bytes: Uint8Array, signature: ListSignature | string | Uint8Array, keys: KeyLookup, now: number): Promise<AdapterImportResult> {
  const data = await verifyAdapterData(bytes, signature, keys, now);
  const list = { id: data.id, version: data.version, name: data.name };
  const current = await port.get(data.id);
  if (current && data.version < current.data.version) throw new ListError('older-version', `version ${data.version}, ${current.data.version} in force`);
  if (current && data.version === current.data.version) return { outcome: 'unchanged', list };
  await port.put({ url, sha256: sha256Hex(bytes), data });
  return { outcome: 'imported', list };
}
