import { loadCorpus } from './corpus/load.js';
import type { LoadedCorpus } from './corpus/types.js';
import { CorpusIndex } from './search/corpusIndex.js';
import { SpeakerLookup } from './search/speakerLookup.js';
import { understand } from './search/understand.js';
import { rank } from './search/rank.js';
import { buildAnswer, type Answer } from './answer.js';

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 100;
const SUGGESTIONS = 3;

/** The core: a loaded, attributed and indexed corpus that answers questions. No Discord here. */
export class Verbatim {
  readonly lookup: SpeakerLookup;

  constructor(readonly index: CorpusIndex) {
    this.lookup = new SpeakerLookup(index.speakers.speakers);
  }

  /** Loads and indexes a corpus folder; throws CorpusFolderError when the folder cannot be read. */
  static fromFolder(dir: string): Verbatim {
    return Verbatim.fromCorpus(loadCorpus(dir));
  }

  static fromCorpus(corpus: LoadedCorpus): Verbatim {
    return new Verbatim(CorpusIndex.build(corpus));
  }

  ask(question: string, limit = DEFAULT_LIMIT): Answer {
    const query = understand(question, this.lookup);
    const ranked = rank(this.index, query, Math.max(0, Math.min(limit, MAX_LIMIT)));
    const suggestions = ranked.length > 0 ? [] : this.suggest(query.unknownSpeaker ?? query.speaker?.name ?? query.topic.join(' '));
    return buildAnswer(this.index, query, ranked, suggestions);
  }

  private suggest(text: string): string[] {
    return this.lookup.closest(text, SUGGESTIONS).map((s) => s.name);
  }
}
