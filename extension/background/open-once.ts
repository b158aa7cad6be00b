/**
 * A store opened once per worker: the first call opens it, later calls share that promise; a failed open is
 * forgotten so the next call tries again (storage blocked for a moment must not disable the store for good).
 */
export function openOnce<T>(open: () => Promise<T>): () => Promise<T> {
  let opened: Promise<T> | undefined;
  return () => {
    opened ??= open().catch((err: unknown) => {
      opened = undefined;
      throw err;
    });
    return opened;
  };
}
