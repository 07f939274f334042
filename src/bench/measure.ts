/** The figures every engine reports (issue 4). */
export interface EngineReport {
  buildMs: number;
  loadMs: number;
  snapshotBytes: number;
  heapBytesPerSentence: number;
  questionP50Ms: number;
  questionP99Ms: number;
  autocompleteP50Ms: number;
  autocompleteP99Ms: number;
  maxEventLoopStallMs?: number;
  /** A new process, from its start to its first answer, from the snapshot. */
  startupMs?: number;
  /**
   * Topic questions in real English (test/eval/topics) over the same index, with matching by
   * meaning (WordNet, word vectors): each asked once with cold caches, then again warm.
   */
  meaningColdP99Ms?: number;
  meaningP50Ms?: number;
  meaningP99Ms?: number;
  /** Freshness (issue 13): a file written into the corpus folder until a question finds it, as the bot runs. */
  addToAnswerMsP50?: number;
  addToAnswerMsP99?: number;
  changeToAnswerMsP50?: number;
  removeToAnswerMsP50?: number;
  addCpuMs?: number;
  addBytesWritten?: number;
  /** The longest event-loop stall of the serving thread while the adds, the change and the removal were reloaded. */
  addStallMs?: number;
  /** Question p99 with the term index in 51 segments (50 unmerged adds): the engine alone, the rest of the index unsplit. */
  questionP99WithSegmentsMs?: number | null;
  note?: string;
}

/**
 * Memory in use after two forced collections (run node with --expose-gc): the JS heap plus
 * ArrayBuffer memory, where typed arrays and text buffers live outside the heap proper. Both
 * count: they are the index and the store.
 */
export function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  const { heapUsed: heap, arrayBuffers } = process.memoryUsage();
  return heap + arrayBuffers;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

// A slow engine is measured on as many inputs as fit in this time, not all of them.
const BUDGET_MS = 60_000;

/** Median and 99th percentile of `run` over the inputs (as many as fit in the budget), after a short warm-up. */
/** Each input once, in order, with no warm-up: the cost of a first time (caches cold). */
export function coldLatencies<T>(inputs: readonly T[], run: (input: T) => unknown): { p50: number; p99: number } {
  const times = inputs.map((input) => {
    const start = performance.now();
    run(input);
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)) };
}

export function latencies<T>(inputs: readonly T[], run: (input: T) => unknown): { p50: number; p99: number; measured: number } {
  for (const input of inputs.slice(0, Math.min(50, inputs.length))) run(input);
  const times: number[] = [];
  const deadline = performance.now() + BUDGET_MS;
  for (const input of inputs) {
    const start = performance.now();
    run(input);
    times.push(performance.now() - start);
    if (start > deadline) break;
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), measured: times.length };
}

export async function timed<T>(work: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: round(performance.now() - start) };
}

/**
 * Watches the event loop while `work` runs: a 5 ms timer notes how late each tick comes; the
 * longest lateness is the longest time the loop was blocked.
 */
export async function longestStall(work: () => Promise<void>): Promise<number> {
  const interval = 5;
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - interval);
    last = now;
  }, interval);
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, interval * 3));
  } finally {
    clearInterval(timer);
  }
  return round(Math.max(0, longest));
}

/** Three significant figures are all a timing on a shared machine is worth. */
export const round = (value: number) => (value === 0 ? 0 : Number(value.toPrecision(3)));
