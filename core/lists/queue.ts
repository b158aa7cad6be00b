/** Runs tasks one after another: each starts once every task queued before it has ended, whether it failed or not. */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

/** A new, empty queue. */
export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
}

/** What runs one at a time per database: imports share one staging area, updates one subscription record each. */
export type Lane = 'import' | 'update';
export type Lanes = Record<Lane, SerialQueue>;

// Keyed by factory and database name, so two ListStore objects opened on one database still wait for each other.
const registry = new WeakMap<object, Map<string, Lanes>>();

/** The queues of one database, created on first use. */
export function lanesOf(factory: object, name: string): Lanes {
  let byName = registry.get(factory);
  if (!byName) registry.set(factory, (byName = new Map()));
  let lanes = byName.get(name);
  if (!lanes) byName.set(name, (lanes = { import: serialQueue(), update: serialQueue() }));
  return lanes;
}
