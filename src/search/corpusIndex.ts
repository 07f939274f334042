import type { LoadedCorpus, LoadFailure } from '../corpus/types.js';
import { ArticleTable } from '../index/articleTable.js';
import { SpeakerDirectory } from './speakers.js';
import { SentenceStore, type StoredSentence } from '../index/sentenceStore.js';
import { TermIndex } from '../index/termIndex.js';
import type { TermSearch } from '../index/search.js';
import { SpeakerLookup } from './speakerLookup.js';
import { analyzePart } from '../build/part.js';
import { assemble, type IndexData } from '../build/assemble.js';
import { pause } from '../pause.js';

export type { StoredSentence } from '../index/sentenceStore.js';

export type { IndexedArticle } from '../index/articleTable.js';

/**
 * Everything a question is answered from: articles, attributed sentences (in a compact store),
 * speakers, and the term index over the sentences' text. Only ids and terms are indexed: a
 * sentence's text is always read back from its article.
 */
export class CorpusIndex {
  constructor(
    readonly articles: ArticleTable,
    readonly store: SentenceStore,
    readonly speakers: SpeakerDirectory,
    readonly lookup: SpeakerLookup,
    /** The postings, through the one interface ranking uses (src/index/search.ts). */
    readonly terms: TermSearch,
    readonly failures: LoadFailure[],
  ) {}

  /** Builds the index in this thread (tests, small corpora); see src/build for the threaded build. */
  static build(corpus: LoadedCorpus): CorpusIndex {
    return CorpusIndex.fromData(assemble([analyzePart(corpus.articles)], corpus.failures));
  }

  /**
   * Like fromData, but yields to the event loop after allocating the term index's scratch
   * arrays (megabytes, which can set off a collection): for a swap while serving.
   */
  static async fromDataInSlices(data: IndexData): Promise<CorpusIndex> {
    const terms = new TermIndex(data.terms, data.store.copyOf);
    await pause();
    return CorpusIndex.fromData(data, terms);
  }

  /** Wraps built data: every table is computed already, so this only allocates search scratch space. */
  static fromData(data: IndexData, terms = new TermIndex(data.terms, data.store.copyOf)): CorpusIndex {
    return new CorpusIndex(
      new ArticleTable(data.articles), new SentenceStore(data.store), SpeakerDirectory.of(data.speakers),
      new SpeakerLookup(data.speakers, data.lookup), terms, data.failures,
    );
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
