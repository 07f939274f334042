import { describe, it, expect } from 'vitest';
import { readGold, normMatch, sameName } from '../src/eval/gold.js';
import { score } from '../src/eval/metrics.js';
import { Verbatim } from '../src/verbatim.js';
import { plainMiniSearch } from '../src/eval/baseline.js';

function evaluate(corpus: string, goldPath: string) {
  const verbatim = Verbatim.fromFolder(corpus);
  const gold = readGold(goldPath);
  const ours = score(gold, corpus, (q, limit) => {
    const a = verbatim.ask(q, limit);
    return { speaker: a.speaker, results: a.results.map((r) => ({ text: r.text, speaker: r.speaker, file: r.source.file })) };
  });
  return { ours, baseline: score(gold, corpus, plainMiniSearch(verbatim.index)) };
}

describe('the evaluation targets of issue 2', () => {
  it('fictional set: precision@5 ≥ 0.9, recall@10 ≥ 0.9, attribution ≥ 0.95, topic recall@3 ≥ 0.9', () => {
    const { ours, baseline } = evaluate('test/eval/fictional/corpus', 'test/eval/fictional/gold.json');
    expect(ours.questions).toBeGreaterThanOrEqual(8);
    expect(ours.precisionAt5).toBeGreaterThanOrEqual(0.9);
    expect(ours.recallAt10).toBeGreaterThanOrEqual(0.9);
    expect(ours.attributionAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(ours.topicRecallAt3).toBeGreaterThanOrEqual(0.9);
    expect(ours.mentionOnlyRight).toBe(1);
    expect(ours.precisionAt5).toBeGreaterThan(baseline.precisionAt5);
  });

  it('seed article: every speaker question right', () => {
    const { ours } = evaluate('corpus', 'test/eval/seed-gold.json');
    expect(ours.questions).toBe(5);
    expect(ours.recallAt10).toBe(1);
    expect(ours.attributionAccuracy).toBe(1);
    expect(ours.recognized).toBe(1);
    expect(ours.mentionOnlyRight).toBe(1);
  });
});

describe('gold matching', () => {
  it('normalises quotes, dashes, spaces and case', () => {
    expect(normMatch('“Don’t — ever”\u00a0GO')).toBe(normMatch('"Dont - ever" go'));
  });

  it('compares names by surname, compatible first names and suffix', () => {
    expect(sameName('Donald J. Trump', 'Donald Trump')).toBe(true);
    expect(sameName('Trump', 'Donald Trump')).toBe(true);
    expect(sameName('Bill Clinton', 'Hillary Clinton')).toBe(false);
    expect(sameName('Martin Luther King Jr.', 'Martin King')).toBe(false);
  });
});
