// The few parts of autocannon's API the benchmarks use (it ships no types).
declare module 'autocannon' {
  interface Histogram { average: number; mean: number; p50: number; p99: number; max: number; total: number }
  export interface Result { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number; '2xx': number; duration: number }
  export interface RequestSpec { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: RequestSpec, context: Record<string, unknown>) => RequestSpec }
  interface Options { url: string; connections?: number; duration?: number; amount?: number; requests?: RequestSpec[]; headers?: Record<string, string> }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
