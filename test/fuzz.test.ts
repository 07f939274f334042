import { describe, it, expect } from 'vitest';
import { fuzz } from './fuzz/run.js';
import { corpusProblems } from './fuzz/properties.js';

describe('fuzzing (fast-check; `npm run fuzz` runs many more cases)', () => {
  it('hostile questions and corpus files: no throw, within limits, no ping, every quote verbatim', () => {
    const counts = fuzz({ questions: 300, corpora: 40 });
    console.info(`fuzz: ${counts.questions} questions and ${counts.corpora} corpora, no problem found`);
  }, 120_000);

  it('a 1 MB article on one line, and one with no paragraph breaks at all', () => {
    const line = `${'“We will not sign,” said Ilse Varnhagen, and the river kept rising past the old mill; '.repeat(12_000)}`.slice(0, 1_000_000);
    const unbroken = Array.from({ length: 2000 }, (_, i) => `Teodor Brankovic said point ${i} was settled.`).join(' ');
    expect(corpusProblems([{ bytes: Buffer.from(line), markdown: false }, { bytes: Buffer.from(unbroken), markdown: true }], ['river', 'point settled'])).toEqual([]);
  }, 60_000);
});
