import type { LoadedCorpus, LoadFailure } from '../corpus/types.js';
import { ArticleTable } from './articleTable.js';
import { SpeakerDirectory } from './speakers.js';
import { SentenceStore, type StoredSentence } from './sentenceStore.js';
import { TermIndex } from './termIndex.js';
import { analyzePart } from '../build/part.js';
import { assemble, type IndexData } from '../build/assemble.js';

export type { StoredSentence } from './sentenceStore.js';

export type { IndexedArticle } from './articleTable.js';

/**
 * Everything a question is answered from: articles, attributed sentences (in a compact store),
 * speakers, and the term index over the sentences' text. Only ids and terms are indexed: a
 * sentence's text is always read back from its article.
 */
export class CorpusIndex {
  readonly statementsBySpeaker: number[][];

  constructor(
    readonly articles: ArticleTable,
    readonly store: SentenceStore,
    readonly speakers: SpeakerDirectory,
    readonly terms: TermIndex,
    readonly failures: LoadFailure[],
  ) {
    this.statementsBySpeaker = speakers.speakers.map(() => []);
    const { speaker } = store.data;
    for (let id = 0; id < speaker.length; id++) {
      const who = speaker[id] as number;
      if (who >= 0) this.statementsBySpeaker[who]?.push(id);
    }
  }

  /** Builds the index in this thread (tests, small corpora); see src/build for the threaded build. */
  static build(corpus: LoadedCorpus): CorpusIndex {
    return CorpusIndex.fromData(assemble([analyzePart(corpus.articles)], corpus.failures));
  }

  static fromData(data: IndexData): CorpusIndex {
    return new CorpusIndex(new ArticleTable(data.articles), new SentenceStore(data.store), SpeakerDirectory.of(data.speakers), new TermIndex(data.terms), data.failures);
  }

  get sentenceCount(): number {
    return this.store.count;
  }

  sentence(id: number): StoredSentence | undefined {
    return this.store.get(id);
  }

  /** The sentence exactly as it stands in its article. */
  textOf(sentence: Pick<StoredSentence, 'id'>): string {
    return this.store.text(sentence.id);
  }

  /** The sentences of one article, in reading order. */
  sentencesOf(articleId: number): StoredSentence[] {
    const article = this.articles.get(articleId);
    if (!article) return [];
    const out: StoredSentence[] = [];
    for (let id = article.firstSentence; id < article.firstSentence + article.sentences; id++) {
      const sentence = this.store.get(id);
      if (sentence) out.push(sentence);
    }
    return out;
  }

  articleText(articleId: number): string {
    return this.store.articleText(articleId);
  }
}
