import { writeFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import type { BenchEngine } from './types.js';
import { heapUsed, latencies, round, timed } from '../measure.js';

/** Plain MiniSearch with default options: the floor to beat. Index only; no text stored. */
export const plainMiniSearch: BenchEngine = {
  name: 'minisearch',
  async run({ sentences, questions, autocomplete, dir }) {
    const options = { fields: ['text'] };
    const before = heapUsed();
    const build = await timed(() => {
      const index = new MiniSearch<{ id: number; text: string }>(options);
      for (let id = 0; id < sentences.length; id++) index.add({ id, text: sentences[id] ?? '' });
      return index;
    });
    const heap = heapUsed() - before;
    const file = join(dir, 'minisearch.json');
    // One JSON string: it fails past V8's string limit (about 512 MiB) on a large corpus.
    writeFileSync(file, JSON.stringify(build.result));
    const snapshotBytes = statSync(file).size;
    const load = await timed(() => MiniSearch.loadJSON<{ id: number; text: string }>(readFileSync(file, 'utf8'), options));
    const index = load.result;
    const question = latencies(questions, (q) => index.search(q.question).slice(0, 5));
    const complete = latencies(autocomplete, (input) => index.search(input, { prefix: true }).slice(0, 25));
    return {
      buildMs: build.ms, loadMs: load.ms, snapshotBytes, heapBytesPerSentence: round(heap / sentences.length),
      questionP50Ms: question.p50, questionP99Ms: question.p99, autocompleteP50Ms: complete.p50, autocompleteP99Ms: complete.p99,
      note: `default options; autocomplete is a prefix search over the sentences (${complete.measured} of ${autocomplete.length} inputs measured within the time budget)`,
    };
  },
};
