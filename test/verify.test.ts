import { describe, it, expect } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import { CorpusIndex } from '../src/search/corpusIndex.js';
import { Verbatim } from '../src/verbatim.js';
import type { DroppedResult } from '../src/verify.js';

const DIR = 'test/eval/fictional/corpus';
const QUESTION = 'what did Falkberg say';

function fresh(): { verbatim: Verbatim; dropped: DroppedResult[] } {
  const dropped: DroppedResult[] = [];
  const verbatim = new Verbatim(CorpusIndex.build(loadCorpus(DIR)), { onDropped: (d) => dropped.push(d) });
  return { verbatim, dropped };
}

describe('the verbatim guarantee at run time', () => {
  it('lets every sound result through', () => {
    const { verbatim, dropped } = fresh();
    for (const question of [QUESTION, 'border crossings', 'who said the ceasefire would hold', 'drones', 'what did the chief negotiator say']) {
      verbatim.ask(question, 20);
    }
    expect(dropped).toEqual([]);
  });

  it('withholds a result whose offsets no longer match its text, and reports it', () => {
    const { verbatim, dropped } = fresh();
    const before = verbatim.ask(QUESTION, 5).results;
    const victim = before[0];
    if (!victim) throw new Error('no result to damage');
    // Damage the store as a bug or a bad snapshot could: the sentence now starts two bytes late.
    const { start } = verbatim.index.store.data;
    start[victim.sentenceId] = (start[victim.sentenceId] as number) + 2;
    const after = verbatim.ask(QUESTION, 5).results;
    expect(after.map((r) => r.sentenceId)).not.toContain(victim.sentenceId);
    expect(dropped).toEqual([{ sentenceId: victim.sentenceId, file: victim.source.file, reason: 'text differs from its fingerprint' }]);
    for (const result of after) expect(result.text).not.toBe('');
  });

  it('withholds a result cited with the wrong paragraph', () => {
    const { verbatim, dropped } = fresh();
    const victim = verbatim.ask(QUESTION, 5).results[0];
    if (!victim) throw new Error('no result to damage');
    const { paragraph } = verbatim.index.store.data;
    paragraph[victim.sentenceId] = (paragraph[victim.sentenceId] as number) + 1;
    expect(verbatim.ask(QUESTION, 5).results.map((r) => r.sentenceId)).not.toContain(victim.sentenceId);
    expect(dropped[0]?.reason).toMatch(/^in paragraph \d+, not \d+$/);
  });
});
