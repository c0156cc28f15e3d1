import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LatencyHistogram } from './latency-histogram.ts';

/** For a histogram in seconds, from a `performance.now()` reading (cheaper than prom-client's startTimer). */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

/** Prometheus metrics of one API process: Graph traffic, sync rounds, search and lookup latency. */
export class Metrics {
  readonly registry = new Registry();
  private readonly graphRequests = new Counter({ name: 'switchboard_graph_requests_total', help: 'Graph HTTP responses by status', labelNames: ['status'], registers: [this.registry] });
  private readonly graphLatency = new Histogram({
    name: 'switchboard_graph_request_duration_seconds',
    help: 'Graph request duration',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly throttledCount = new Counter({ name: 'switchboard_graph_throttled_total', help: 'Graph 429 responses', registers: [this.registry] });
  private readonly throttleWait = new Counter({ name: 'switchboard_graph_throttle_wait_seconds_total', help: 'Time paused because Graph throttled', registers: [this.registry] });
  private readonly contactsSynced = new Counter({ name: 'switchboard_sync_objects_read_total', help: 'Objects read from Graph by sync rounds', labelNames: ['mode'], registers: [this.registry] });
  private readonly roundDuration = new Histogram({
    name: 'switchboard_sync_round_duration_seconds',
    help: 'Sync round duration by mode and outcome',
    labelNames: ['mode', 'outcome'],
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
    registers: [this.registry],
  });
  readonly searchLatency = new LatencyHistogram(
    'switchboard_search_duration_seconds',
    'Search handling time in the API',
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    this.registry,
  );
  readonly lookupLatency = new LatencyHistogram(
    'switchboard_lookup_duration_seconds',
    'Caller lookup handling time in the API',
    [0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.01],
    this.registry,
  );

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  graphResponse(status: number, ms: number): void {
    this.graphRequests.inc({ status: String(status) });
    this.graphLatency.observe(ms / 1000);
  }

  throttled(waitMs: number): void {
    this.throttledCount.inc();
    this.throttleWait.inc(waitMs / 1000);
  }

  roundFinished(mode: string, seconds: number, succeeded: boolean, read: number): void {
    this.roundDuration.observe({ mode, outcome: succeeded ? 'success' : 'failure' }, seconds);
    this.contactsSynced.inc({ mode }, read);
  }
}
