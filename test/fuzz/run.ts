import fc from 'fast-check';
import { loadCorpus } from '../../src/corpus/load.js';
import { CorpusIndex } from '../../src/search/corpusIndex.js';
import { Verbatim } from '../../src/verbatim.js';
import { corpusFiles, corpusProblems, question, questionProblems } from './properties.js';

export interface FuzzCounts {
  questions: number;
  corpora: number;
}

const FICTIONAL = 'test/eval/fictional/corpus';

/**
 * Runs both groups of properties; throws fast-check's report (with the shrunk counterexample)
 * at the first failure. A property fails on a throw or on any problem it finds.
 */
export function fuzz(counts: FuzzCounts, seed?: number): FuzzCounts {
  const corpus = loadCorpus(FICTIONAL);
  const dropped: string[] = [];
  const verbatim = new Verbatim(CorpusIndex.build(corpus), { onDropped: (d) => dropped.push(d.reason) });
  const bodies = new Map(corpus.articles.map((a) => [a.file, a.body]));
  const settings = { numRuns: counts.questions, ...(seed === undefined ? {} : { seed }) };
  fc.assert(fc.property(question, (text) => {
    const problems = [...questionProblems(verbatim, bodies, text), ...dropped.splice(0).map((reason) => `withheld: ${reason}`)];
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }), settings);
  fc.assert(fc.property(corpusFiles, fc.array(question, { maxLength: 3 }), (files, questions) => {
    const problems = corpusProblems(files, questions);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }), { ...settings, numRuns: counts.corpora });
  return counts;
}
