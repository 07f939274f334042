import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Verbatim } from '../verbatim.js';

/** What the router reports of every interaction it handled (see BotContext.observe). */
export type InteractionObserver = (kind: string, outcome: string, ms: number) => void;

/**
 * The process's Prometheus metrics (prom-client, the maintained Node client: its text format,
 * histograms and process metrics are what Prometheus expects, and are not ours to get right):
 * interactions by command and outcome, their latency, and the index's size and age.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly interactions: Counter<'command' | 'outcome'>;
  private readonly latency: Histogram<'command'>;
  private loadedAt = Date.now();

  constructor(serving: () => Verbatim | null) {
    collectDefaultMetrics({ register: this.registry, prefix: 'verbatim_' });
    this.interactions = new Counter({ name: 'verbatim_interactions_total', help: 'Interactions handled, by command and outcome', labelNames: ['command', 'outcome'], registers: [this.registry] });
    this.latency = new Histogram({
      name: 'verbatim_interaction_duration_seconds', help: 'From an interaction reaching Verbatim to its handling ending, by command', labelNames: ['command'],
      // Discord's window is 3 s: the buckets are finest well inside it.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5], registers: [this.registry],
    });
    const index = () => serving()?.index ?? null;
    new Gauge({ name: 'verbatim_index_sentences', help: 'Sentences in the index being served', registers: [this.registry], collect() { this.set(index()?.sentenceCount ?? 0); } });
    new Gauge({ name: 'verbatim_index_articles', help: 'Articles in the index being served', registers: [this.registry], collect() { this.set(index()?.articles.length ?? 0); } });
    const loaded = () => this.loadedAt;
    new Gauge({ name: 'verbatim_index_age_seconds', help: 'Seconds since the index being served was put in service', registers: [this.registry], collect() { this.set(index() ? (Date.now() - loaded()) / 1000 : 0); } });
  }

  /** A new index was put in service (at start, or after a reload). */
  indexChanged(): void {
    this.loadedAt = Date.now();
  }

  readonly observe: InteractionObserver = (kind, outcome, ms) => {
    // "/ask" and "autocomplete /ask" are labelled ask and ask:autocomplete; buttons are "button".
    const command = kind.startsWith('autocomplete /') ? `${kind.slice('autocomplete /'.length)}:autocomplete` : kind.replace(/^\//, '');
    this.interactions.inc({ command, outcome });
    this.latency.observe({ command }, ms / 1000);
  };

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
