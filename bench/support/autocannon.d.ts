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
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
