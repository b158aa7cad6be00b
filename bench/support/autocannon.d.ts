// The part of autocannon's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  interface Histogram { average: number; p99: number; mean: number }
  interface Result { requests: Histogram & { total: number; sent: number }; latency: Histogram; duration: number; errors: number; timeouts: number; non2xx: number; '2xx': number }
  interface Options {
    url: string;
    connections?: number;
    amount?: number;
    requests?: { method?: string; path?: string; setupRequest?: (req: { path: string }) => { path: string } }[];
  }
  /** A run: an event emitter ('response' on every answer) that is also a promise of the result. */
  interface Run extends PromiseLike<Result> { on(event: 'response', listener: () => void): Run }
  function autocannon(options: Options): Run;
  export default autocannon;
}
