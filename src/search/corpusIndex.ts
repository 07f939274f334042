import { createHash } from 'node:crypto';
import type { ArticleMeta, LoadedCorpus, LoadFailure } from '../corpus/types.js';
import { analyzeArticle } from '../attribution/attribute.js';
import { SpeakerDirectory } from './speakers.js';
import { SentenceStore, SentenceStoreBuilder, type StoredSentence } from './sentenceStore.js';
import { TermIndex, TermIndexBuilder } from './termIndex.js';

export type { StoredSentence } from './sentenceStore.js';

export interface IndexedArticle {
  file: string;
  meta: ArticleMeta;
  /** Ten hex digits of a hash of the file and its text: a changed article gets a new key. */
  key: string;
  sentences: number;
  statements: number;
  /** Its sentences are ids `firstSentence .. firstSentence + sentences - 1`. */
  firstSentence: number;
}

/**
 * Everything a question is answered from: articles, attributed sentences (in a compact store),
 * speakers, and the term index over the sentences' text. Only ids and terms are indexed: a
 * sentence's text is always read back from its article.
 */
export class CorpusIndex {
  readonly statementsBySpeaker: number[][];

  constructor(
    readonly articles: IndexedArticle[],
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

  static build(corpus: LoadedCorpus): CorpusIndex {
    const analyzed = corpus.articles.map(analyzeArticle);
    const speakers = SpeakerDirectory.build(analyzed);
    const articles: IndexedArticle[] = [];
    const store = new SentenceStoreBuilder();
    const terms = new TermIndexBuilder();
    let firstSentence = 0;
    for (const item of analyzed) {
      const { file, meta, body } = item.article;
      const sentences = item.sentences.map((sentence) => {
        const attribution = sentence.attribution;
        terms.add(sentence.text);
        return {
          start: sentence.span.start, end: sentence.span.end, paragraph: sentence.span.paragraph,
          speaker: attribution?.person ? speakers.idOf(attribution.person) : null,
          quote: attribution?.quote ?? null, confidence: attribution?.confidence ?? 0, cue: attribution?.cue ?? null,
        };
      });
      store.addArticle(body, sentences);
      const statements = sentences.filter((s) => s.speaker !== null).length;
      articles.push({ file, meta, key: articleKey(file, body), sentences: sentences.length, statements, firstSentence });
      firstSentence += sentences.length;
    }
    return new CorpusIndex(articles, new SentenceStore(store.finish()), speakers, new TermIndex(terms.finish()), corpus.failures);
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
    const article = this.articles[articleId];
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

function articleKey(file: string, body: string): string {
  return createHash('sha256').update(file).update('\0').update(body).digest('hex').slice(0, 10);
}
