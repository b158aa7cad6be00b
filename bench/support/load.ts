import autocannon from 'autocannon';

/** What a bounded autocannon run measured: requests per second over the run and the p99 latency in ms. */
export interface Load { rps: number; p99: number }

/**
 * Sends `amount` GET requests over `connections` keep-alive connections to `base`, each to `path()` (loopback
 * only), and fails unless every answer was 2xx: a fast error is not a lookup. The run's time is taken from the start
 * to the last response: autocannon's own `duration` ends on its next one-second tick, so it rounds short runs up.
 */
export async function load(base: string, path: () => string, amount = 20_000, connections = 10): Promise<Load> {
  const start = performance.now();
  let last = start;
  const run = autocannon({ url: base, connections, amount, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) }] });
  run.on('response', () => void (last = performance.now()));
  const r = await run;
  if (r.errors || r.timeouts || r.non2xx || r['2xx'] < amount) throw new Error(`load run failed: ${r['2xx']}/${amount} answered 2xx, ${r.non2xx} others, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { rps: r['2xx'] / ((last - start) / 1000), p99: r.latency.p99 };
}
