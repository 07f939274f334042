import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusReloader } from '../reload.js';
import { createLogger, silentLogger } from '../log.js';
import type { Verbatim } from '../verbatim.js';
import { longestStall, percentile, round } from './measure.js';

/** How soon a change to the corpus folder is answered, as the bot runs (watching, debounce, rebuild). */
export interface FreshnessFigures {
  addToAnswerMsP50: number;
  addToAnswerMsP99: number;
  changeToAnswerMsP50: number;
  removeToAnswerMsP50: number;
  /** CPU of the whole process (every thread) from an added file's write to its reload's end, median. */
  addCpuMs: number;
  /** Bytes of the files under CACHE_DIR written during an add, median. */
  addBytesWritten: number;
  adds: number;
  /** The longest the serving thread's event loop was blocked while the adds, the change and the removal were reloaded. */
  addStallMs: number;
  /** How long the indexer took to read the corpus's analyses into memory before the first add (the bot does it after starting). */
  primeMs: number;
}

// How long one change may take before the bench gives up on it.
const TIMEOUT_MS = 300_000;
const POLL_MS = 5;

/**
 * Writes `adds` new articles into the corpus folder one at a time while a reloader serves, and
 * times each from its file being written to a question finding its words; then changes one and
 * removes one. Each article has a word no other has (invented here), so the answer is unmistakable.
 */
export async function measureFreshness(corpusDir: string, cacheDir: string, initial: Verbatim, adds: number): Promise<FreshnessFigures> {
  // Each finished reload settles the oldest waiting promise (one per add).
  const reloads: Array<() => void> = [];
  const reloaded = () => new Promise<void>((resolve) => reloads.push(resolve));
  // BENCH_DEBUG=1 shows the reloads' log (a failed reload is otherwise only a timeout here).
  const log = process.env.BENCH_DEBUG ? createLogger('info') : silentLogger;
  const reloader = new CorpusReloader(corpusDir, initial, { cacheDir, log, onReloaded: () => reloads.shift()?.() });
  reloader.watch();
  const primeStarted = performance.now();
  await reloader.prepare();
  const primeMs = performance.now() - primeStarted;
  const addTimes: number[] = [];
  const cpu: number[] = [];
  const bytes: number[] = [];
  let change = 0;
  let remove = 0;
  try {
    // The serving thread is watched all along: a reload must never block it (issue 13: ≤ 50 ms).
    const stall = await longestStall(async () => {
      for (let i = 0; i < adds; i++) {
        const word = inventedWord(i);
        const done = reloaded();
        const since = Date.now();
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        writeFileSync(join(corpusDir, `zz-fresh-${i}.md`), articleWith(word, i));
        await until(() => answers(reloader.current(), word));
        addTimes.push(performance.now() - started);
        if (process.env.BENCH_DEBUG) process.stderr.write(`add ${i}: answered after ${Math.round(performance.now() - started)} ms\n`);
        // A reload that fails never reports: the timer (which must not keep the process alive) ends the wait.
        await Promise.race([done, new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS).unref())]);
        // The snapshot is saved after the new index is handed over: its CPU and bytes belong to this add.
        await reloader.settled();
        const used = process.cpuUsage(cpuBefore);
        cpu.push((used.user + used.system) / 1000);
        bytes.push(bytesWrittenSince(cacheDir, since));
      }
      const changeWord = inventedWord(adds + 1);
      let started = performance.now();
      writeFileSync(join(corpusDir, 'zz-fresh-0.md'), articleWith(changeWord, 0));
      await until(() => answers(reloader.current(), changeWord) && !answers(reloader.current(), inventedWord(0)));
      change = performance.now() - started;
      started = performance.now();
      rmSync(join(corpusDir, 'zz-fresh-1.md'));
      await until(() => !answers(reloader.current(), inventedWord(1)));
      remove = performance.now() - started;
      await reloader.settled();
    });
    const sorted = [...addTimes].sort((a, b) => a - b);
    return {
      addToAnswerMsP50: round(percentile(sorted, 50)), addToAnswerMsP99: round(percentile(sorted, 99)),
      changeToAnswerMsP50: round(change), removeToAnswerMsP50: round(remove),
      addCpuMs: round(median(cpu)), addBytesWritten: Math.round(median(bytes)), addStallMs: stall, adds, primeMs: Math.round(primeMs),
    };
  } finally {
    await reloader.close();
  }
}

/** Whether a question finds the word itself (a whole word: "freshqua" is not in "freshquavek", which the index's prefix fallback would offer). */
function answers(verbatim: Verbatim, word: string): boolean {
  const whole = new RegExp(`\\b${word}\\b`);
  return verbatim.ask(word, 1).results.some((r) => whole.test(r.text));
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = performance.now() + TIMEOUT_MS;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('a change to the corpus was not answered within 300 s');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A word of invented syllables, different for every i (no corpus word looks like it). */
function inventedWord(i: number): string {
  const syllables = ['zor', 'vek', 'qua', 'lim', 'tru', 'pax', 'nob', 'wex'];
  let word = 'fresh';
  for (let n = i + 1; n > 0; n = Math.floor(n / syllables.length)) word += syllables[n % syllables.length];
  return word;
}

function articleWith(word: string, i: number): string {
  return [
    '---', `title: Fresh report ${i}`, 'outlet: Bench Wire', `published: 2030-01-${String((i % 28) + 1).padStart(2, '0')}`, '---',
    `Envoy Orla Mennick said on Monday that the ${word} talks would resume within a week.`, '',
    `“We are close on the ${word} question,” Mennick told reporters.`, '',
  ].join('\n');
}

function bytesWrittenSince(dir: string, sinceMs: number): number {
  let total = 0;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path);
        if (stat.mtimeMs >= sinceMs) total += stat.size;
      }
    }
  };
  walk(dir);
  return total;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : percentile(sorted, 50);
}
