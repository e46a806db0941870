import autocannon from 'autocannon';

/**
 * The load generator, run in its own process (forked by run.ts) so it does not share the server's
 * event loop. Drives autocannon at a fixed concurrency for a fixed time, rotating through a list of
 * requests, and records every 2xx response's latency itself: autocannon's summary has p50, p97.5
 * and p99 but no p95.
 */

/** `kind` labels the request for the per-kind latency breakdown; `body` is sent as JSON. */
export type LoadRequest = {
  path: string;
  cookie?: string;
  kind?: string;
  method?: 'GET' | 'POST' | 'PUT';
  body?: string;
};
export type KindStats = { n: number; p50Ms: number; p95Ms: number; maxMs: number };
export type LoadJob = {
  url: string;
  connections: number;
  seconds: number;
  requests: LoadRequest[];
};
export type LoadResult = {
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  byKind: Record<string, KindStats>;
};

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function runLoad(job: LoadJob): Promise<LoadResult> {
  const list = job.requests;
  if (list.length === 0) return Promise.reject(new Error('no requests to send'));
  let next = 0;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let non2xx = 0;
  const perKind = new Map<string, number[]>();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.seconds,
        pipelining: 1,
        requests: [
          {
            method: 'GET',
            setupRequest: (req, context) => {
              const r = list[next++ % list.length] ?? list[0];
              // The context belongs to the connection; with pipelining 1 it names the request in flight.
              context.kind = r?.kind;
              const headers: Record<string, string> = { ...req.headers };
              if (r?.cookie !== undefined) headers.cookie = r.cookie;
              if (r?.body !== undefined) headers['content-type'] = 'application/json';
              return {
                ...req,
                method: r?.method ?? 'GET',
                path: r?.path ?? '/',
                headers,
                ...(r?.body === undefined ? {} : { body: r.body }),
              };
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const elapsed = (performance.now() - started) / 1000;
        const sorted = latencies.subarray(0, count).sort();
        let sum = 0;
        for (const v of sorted) sum += v;
        resolve({
          ok: count,
          non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          seconds: round(elapsed),
          rps: round(count / elapsed, 1),
          p50Ms: round(percentile(sorted, 50)),
          p95Ms: round(percentile(sorted, 95)),
          p99Ms: round(percentile(sorted, 99)),
          maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
          meanMs: round(count === 0 ? Number.NaN : sum / count),
          byKind: Object.fromEntries(
            [...perKind].map(([kind, values]) => {
              const v = Float64Array.from(values).sort();
              return [
                kind,
                {
                  n: v.length,
                  p50Ms: round(percentile(v, 50)),
                  p95Ms: round(percentile(v, 95)),
                  maxMs: round(v[v.length - 1] ?? Number.NaN),
                },
              ];
            }),
          ),
        });
      },
    );
    instance.on(
      'response',
      (
        client: { requestIterator?: { context?: { kind?: unknown } } },
        statusCode: number,
        _bytes: number,
        responseTime: number,
      ) => {
        if (statusCode < 200 || statusCode >= 300) {
          non2xx++;
          return;
        }
        const kind = client.requestIterator?.context?.kind;
        if (typeof kind === 'string') {
          const values = perKind.get(kind) ?? [];
          values.push(responseTime);
          perKind.set(kind, values);
        }
        if (count === latencies.length) {
          const bigger = new Float64Array(latencies.length * 2);
          bigger.set(latencies);
          latencies = bigger;
        }
        latencies[count++] = responseTime;
      },
    );
  });
}

// Forked by run.ts: one job in, one result out.
if (process.send !== undefined) {
  process.once('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send?.({ result }, () => process.exit(0)),
      (e: unknown) =>
        process.send?.({ error: e instanceof Error ? e.message : String(e) }, () =>
          process.exit(1),
        ),
    );
  });
}
