import type { Metric, Registry } from 'prom-client';

/** A metric as prom-client's registry reads it from `get()`. */
interface Snapshot {
  name: string;
  help: string;
  type: 'histogram';
  values: { metricName: string; labels: Record<string, string | number>; value: number }[];
  aggregator: 'sum';
}

/**
 * A Prometheus histogram without labels, for a latency observed on every request of a busy route.
 * prom-client's Histogram builds a label object and a closure on every observation, about a
 * microsecond of a lookup (bench:lookup); this adds to an array. The registry formats it as one of
 * its own.
 */
export class LatencyHistogram {
  /** Observations per bucket, not yet cumulative; the last counts those above every bound. */
  private readonly counts: number[];
  private sum = 0;

  constructor(
    readonly name: string,
    readonly help: string,
    /** Upper bounds in seconds, ascending. */
    private readonly bounds: readonly number[],
    registry: Registry,
  ) {
    this.counts = [...bounds.map(() => 0), 0];
    registry.registerMetric(this as unknown as Metric);
  }

  observe(seconds: number): void {
    let i = 0;
    while (i < this.bounds.length && seconds > (this.bounds[i] as number)) i++;
    this.counts[i] = (this.counts[i] as number) + 1;
    this.sum += seconds;
  }

  /** What the registry formats: cumulative buckets up to `+Inf`, the sum and the count. */
  get(): Snapshot {
    let cumulative = 0;
    const bucket = `${this.name}_bucket`;
    const values: Snapshot['values'] = this.counts.map((count, i) => {
      cumulative += count;
      return { metricName: bucket, labels: { le: i < this.bounds.length ? (this.bounds[i] as number) : '+Inf' }, value: cumulative };
    });
    values.push({ metricName: `${this.name}_sum`, labels: {}, value: this.sum }, { metricName: `${this.name}_count`, labels: {}, value: cumulative });
    return { name: this.name, help: this.help, type: 'histogram', values, aggregator: 'sum' };
  }

  reset(): void {
    this.counts.fill(0);
    this.sum = 0;
  }
}
