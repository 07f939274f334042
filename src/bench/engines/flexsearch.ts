import { writeFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import FlexSearch from 'flexsearch';
import type { BenchEngine } from './types.js';
import { heapUsed, latencies, round, timed } from '../measure.js';

type FlexIndex = InstanceType<typeof FlexSearch.Index>;

/** FlexSearch's default Index: the speed peer. It ranks by its own scoring, not BM25. */
export const flexSearch: BenchEngine = {
  name: 'flexsearch',
  async run({ sentences, questions, autocomplete, dir }) {
    const before = heapUsed();
    const build = await timed(() => {
      const index = new FlexSearch.Index({ tokenize: 'forward' });
      for (let id = 0; id < sentences.length; id++) index.add(id, sentences[id] ?? '');
      return index;
    });
    const heap = heapUsed() - before;
    const file = join(dir, 'flexsearch.json');
    const parts: Record<string, string> = {};
    await build.result.export((key: string | number, data: string) => {
      parts[String(key)] = data;
    });
    writeFileSync(file, JSON.stringify(parts));
    const snapshotBytes = statSync(file).size;
    const load = await timed(async () => {
      const index: FlexIndex = new FlexSearch.Index({ tokenize: 'forward' });
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      for (const [key, data] of Object.entries(stored)) await index.import(key, data);
      return index;
    });
    const index = load.result;
    const question = latencies(questions, (q) => index.search(q.question, { limit: 5, suggest: true }));
    const complete = latencies(autocomplete, (input) => index.search(input, { limit: 25, suggest: true }));
    return {
      buildMs: build.ms, loadMs: load.ms, snapshotBytes, heapBytesPerSentence: round(heap / sentences.length),
      questionP50Ms: question.p50, questionP99Ms: question.p99, autocompleteP50Ms: complete.p50, autocompleteP99Ms: complete.p99,
      note: 'Index with tokenize "forward" (prefixes) and suggest; no BM25',
    };
  },
};
