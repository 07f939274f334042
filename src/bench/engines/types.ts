import type { SyntheticCorpus } from '../synthetic.js';
import type { BenchQuestion } from '../questions.js';
import type { EngineReport } from '../measure.js';

/** What every engine is given: the same corpus, sentences, questions and autocomplete inputs. */
export interface BenchInput {
  corpus: SyntheticCorpus;
  /** The sentences as Verbatim segments them, so every engine indexes the same ones. */
  sentences: string[];
  questions: BenchQuestion[];
  autocomplete: string[];
  /** A scratch folder for snapshots and database files. */
  dir: string;
  /** Articles added one at a time for the freshness figures (0: not measured). */
  adds: number;
}

export interface BenchEngine {
  name: string;
  run(input: BenchInput): Promise<EngineReport>;
}
