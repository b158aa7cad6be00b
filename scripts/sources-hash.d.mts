/** See sources-hash.mjs: the sources' fingerprint by path, size and modification time. */
export function sourcesHash(root: string, sources: readonly string[]): string;
