import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { BenchEngine } from './types.js';
import { heapUsed, latencies, longestStall, round, timed } from '../measure.js';
import { Verbatim } from '../../verbatim.js';

/** Verbatim itself: attribution, speaker index and BM25 over sentences. */
export const verbatimEngine: BenchEngine = {
  name: 'verbatim',
  async run({ corpus, questions, autocomplete }) {
    const loaded = { articles: corpus.articles, failures: [] };
    const before = heapUsed();
    const build = await timed(() => Verbatim.fromCorpus(loaded));
    const heap = heapUsed() - before;
    const verbatim = build.result;
    const sentences = verbatim.index.sentenceCount;
    const question = latencies(questions, (q) => verbatim.ask(q.question, 5));
    const complete = latencies(autocomplete, (input) => verbatim.speakerChoices(input, 25));
    // Serving while a rebuild runs: questions keep coming; the longest stall of the loop counts.
    const stall = await longestStall(async () => {
      let done = false;
      const rebuild = (async () => {
        await yieldToLoop();
        Verbatim.fromCorpus(loaded);
        done = true;
      })();
      for (let i = 0; !done; i++) {
        verbatim.ask(questions[i % questions.length]?.question ?? '', 5);
        await yieldToLoop();
      }
      await rebuild;
    });
    return {
      buildMs: build.ms, loadMs: Number.NaN, snapshotBytes: 0, heapBytesPerSentence: round(heap / sentences),
      questionP50Ms: question.p50, questionP99Ms: question.p99, autocompleteP50Ms: complete.p50, autocompleteP99Ms: complete.p99,
      maxEventLoopStallMs: stall,
      note: 'no snapshot yet: start-up rebuilds; the rebuild runs on the main thread',
    };
  },
};
