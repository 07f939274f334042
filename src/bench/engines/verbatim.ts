import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { stringify } from 'yaml';
import type { BenchEngine } from './types.js';
import { coldLatencies, heapUsed, latencies, longestStall, round, timed } from '../measure.js';
import { prepareVectors } from '../../meaning/meaning.js';
import { buildAndInstall, buildInBackground } from '../../build/build.js';
import { corpusKey, saveSnapshot } from '../../build/snapshot.js';
import { openCorpus } from '../../build/open.js';
import { Verbatim } from '../../verbatim.js';
import type { Article } from '../../corpus/types.js';
import { measureFreshness } from '../freshness.js';
import { segmentedIndex, shownAnswer } from '../segments.js';

// Unmerged segments in the index that questions are timed on a second time (issue 13's figure).
const SEGMENTS = 50;

/** Verbatim as the bot runs it: corpus files, a threaded build, a snapshot, questions while rebuilding. */
export const verbatimEngine: BenchEngine = {
  name: 'verbatim',
  async run({ corpus, questions, autocomplete, dir, adds }) {
    const corpusDir = join(dir, 'corpus');
    const cacheDir = join(dir, 'cache');
    const rebuildCache = join(dir, 'cache-rebuild');
    writeCorpus(corpusDir, corpus.articles);
    const build = await timed(() => buildInBackground(corpusDir));
    const snapshot = await timed(() => saveSnapshot(cacheDir, corpusKey(corpusDir), build.result));
    // Measured now: a reload saves a snapshot of its own and removes this one.
    const snapshotBytes = snapshotSize(snapshot.result);
    const before = heapUsed();
    const load = await timed(() => openCorpus(corpusDir, { cacheDir }));
    const verbatim = load.result.verbatim;
    if (load.result.source !== 'snapshot') throw new Error('the snapshot was not used');
    const heap = heapUsed() - before;
    const sentences = verbatim.index.sentenceCount;
    // As the bot runs: with word vectors (compiled into this run's cache, outside every timing).
    await prepareVectors(cacheDir);
    const english = englishTopicQuestions();
    const meaningCold = coldLatencies(english, (q) => verbatim.ask(q, 5));
    const meaning = latencies(english, (q) => verbatim.ask(q, 5));
    const question = latencies(questions, (q) => verbatim.ask(q.question, 5));
    const withSegments = segmentedLatency(build.result, verbatim, questions.map((q) => q.question));
    const complete = latencies(autocomplete, (input) => verbatim.speakerChoices(input, 25));
    const stall = await longestStall(async () => {
      let serving = verbatim;
      // A full rebuild, as the bot's first one: a cache of its own (the snapshot above would just be
      // opened), where every slice's analysis and the snapshot are saved for the freshness figures.
      const rebuild = buildAndInstall(corpusDir, async (data) => {
        serving = await Verbatim.fromDataInSlices(data);
      }, { cacheDir: rebuildCache });
      let done = false;
      void rebuild.finally(() => (done = true));
      for (let i = 0; !done; i++) {
        serving.ask(questions[i % questions.length]?.question ?? '', 5);
        await yieldToLoop();
      }
      await rebuild;
    });
    const startupMs = startup(corpusDir, cacheDir, questions[0]?.question ?? 'what did anyone say');
    // Last: it adds articles to the corpus folder. The first reload saves every slice's analysis (see partCache.ts).
    const fresh = adds > 0 ? await measureFreshness(corpusDir, rebuildCache, verbatim, adds) : null;
    return {
      buildMs: build.ms, loadMs: load.ms, snapshotBytes, heapBytesPerSentence: round(heap / sentences),
      questionP50Ms: question.p50, questionP99Ms: question.p99, autocompleteP50Ms: complete.p50, autocompleteP99Ms: complete.p99,
      maxEventLoopStallMs: stall, startupMs,
      meaningColdP99Ms: meaningCold.p99, meaningP50Ms: meaning.p50, meaningP99Ms: meaning.p99,
      questionP99WithSegmentsMs: withSegments.p99,
      ...(fresh ? withoutCount(fresh) : {}),
      note: `snapshot written in ${Math.round(snapshot.ms)} ms; startup = a new process of the compiled ask, from its start to its first answer (median of 3)`
        + `; with segments = the same questions with the term index in ${SEGMENTS + 1} segments (the last ${SEGMENTS} articles one each, answers checked equal; store and speakers unsplit): p50 ${withSegments.p50} ms`
        + (fresh ? `; freshness over ${fresh.adds} adds, each assembled from the indexer thread's analyses in memory with the term index spliced, not inverted again (analyses and index read in ${fresh.primeMs} ms before the first add; the rest of the index is assembled whole, and reloads do not use segments yet)` : ''),
    };
  },
};

/**
 * Question latency with the term index in segments, as after SEGMENTS adds with no merge. Every
 * answer is first checked to equal the one-segment index's: a figure for wrong answers is no figure.
 */
function segmentedLatency(data: Parameters<typeof segmentedIndex>[0], whole: Verbatim, questions: readonly string[]): { p50: number; p99: number } {
  const segmented = new Verbatim(segmentedIndex(data, SEGMENTS));
  for (const question of questions) {
    if (shownAnswer(segmented.ask(question, 5)) !== shownAnswer(whole.ask(question, 5))) throw new Error(`the segmented index answers "${question}" otherwise`);
  }
  return latencies(questions, (q) => segmented.ask(q, 5));
}

/** Real English topic questions (the synthetic corpus's words are invented, so its own questions never reach WordNet or the vectors). */
function englishTopicQuestions(): string[] {
  const gold = JSON.parse(readFileSync('test/eval/topics/gold.json', 'utf8')) as { questions: { question: string }[] };
  return gold.questions.map((q) => q.question);
}

/** The corpus as Markdown files, as users keep it. */
function writeCorpus(dir: string, articles: readonly Article[]): void {
  for (const article of articles) {
    const path = join(dir, article.file);
    mkdirSync(join(path, '..'), { recursive: true });
    const meta = Object.fromEntries(Object.entries(article.meta).filter(([, v]) => v !== null));
    writeFileSync(path, `---\n${stringify(meta)}---\n${article.body}\n`);
  }
}

function snapshotSize(folder: string): number {
  return readdirSync(folder).reduce((n, file) => n + statSync(join(folder, file)).size, 0);
}

// Starts measured: the median is reported (one start alone varies by ±0.2 s on a loaded machine).
const STARTS = 3;

/**
 * Wall time of `npm run ask`'s program in a fresh process, compiled as `npm start` and the
 * container run the bot (scripts/build.mjs): start, open the snapshot, answer. The median of STARTS.
 */
function startup(corpusDir: string, cacheDir: string, question: string): number {
  const compiled = spawnSync(process.execPath, [join('scripts', 'build.mjs'), '--if-stale'], { encoding: 'utf8' });
  if (compiled.status !== 0) throw new Error(`build failed: ${compiled.stderr}`);
  const times: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [join('dist', 'src', 'cli', 'ask.js'), '--corpus', corpusDir, '--json', question], {
      env: { ...process.env, CACHE_DIR: cacheDir }, encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`ask failed: ${result.stderr}`);
    times.push(performance.now() - started);
  }
  return round(times.sort((a, b) => a - b)[Math.floor(STARTS / 2)] as number);
}

function withoutCount({ adds: _adds, primeMs: _primeMs, ...figures }: Awaited<ReturnType<typeof measureFreshness>>): Omit<Awaited<ReturnType<typeof measureFreshness>>, 'adds' | 'primeMs'> {
  return figures;
}
