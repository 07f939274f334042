import MiniSearch, { type Options } from 'minisearch';
import type { ArticleMeta, LoadedCorpus, LoadFailure } from '../corpus/types.js';
import { analyzeArticle, type QuoteKind } from '../attribution/attribute.js';
import { SpeakerDirectory } from './speakers.js';
import { indexTerm, words } from './terms.js';

/** A sentence as the index keeps it: offsets into its article's body, not a copy of the text. */
export interface StoredSentence {
  id: number;
  article: number;
  paragraph: number;
  start: number;
  end: number;
  speaker: number | null;
  quote: QuoteKind | null;
  confidence: number;
  cue: string | null;
}

export interface IndexedArticle {
  file: string;
  meta: ArticleMeta;
  body: string;
  sentences: number;
  statements: number;
  /** Its sentences are `sentences[firstSentence .. firstSentence + sentences)` of the index. */
  firstSentence: number;
}

interface IndexedDocument {
  id: number;
  text: string;
  speaker: string;
}

/**
 * MiniSearch settings. BM25 is tuned for one-sentence documents: their lengths vary little and
 * say little about verbosity, so length normalisation is weakened (b 0.3, default 0.7); a term
 * rarely repeats within a sentence, so the default saturation (k 1.2) and floor (d 0.5) stay.
 * Only the id is stored: the text is read back from the article by offsets.
 */
export const INDEX_OPTIONS: Options<IndexedDocument> = {
  fields: ['text', 'speaker'],
  storeFields: [],
  tokenize: (text) => words(text),
  processTerm: (term) => indexTerm(term),
  searchOptions: { bm25: { k: 1.2, b: 0.3, d: 0.5 } },
};

/** Everything a question is answered from: articles, attributed sentences, speakers, the index. */
export class CorpusIndex {
  readonly statementsBySpeaker: number[][];

  private constructor(
    readonly articles: IndexedArticle[],
    readonly sentences: StoredSentence[],
    readonly speakers: SpeakerDirectory,
    readonly search: MiniSearch<IndexedDocument>,
    readonly failures: LoadFailure[],
  ) {
    this.statementsBySpeaker = speakers.speakers.map(() => []);
    for (const sentence of sentences) {
      if (sentence.speaker !== null) this.statementsBySpeaker[sentence.speaker]?.push(sentence.id);
    }
  }

  static build(corpus: LoadedCorpus): CorpusIndex {
    const analyzed = corpus.articles.map(analyzeArticle);
    const speakers = SpeakerDirectory.build(analyzed);
    const articles: IndexedArticle[] = [];
    const sentences: StoredSentence[] = [];
    for (const [articleId, item] of analyzed.entries()) {
      const firstSentence = sentences.length;
      let statements = 0;
      for (const sentence of item.sentences) {
        const attribution = sentence.attribution;
        const speaker = attribution?.person ? speakers.idOf(attribution.person) : null;
        if (speaker !== null) statements++;
        sentences.push({
          id: sentences.length, article: articleId, paragraph: sentence.span.paragraph,
          start: sentence.span.start, end: sentence.span.end, speaker,
          quote: attribution?.quote ?? null, confidence: attribution?.confidence ?? 0, cue: attribution?.cue ?? null,
        });
      }
      const { file, meta, body } = item.article;
      articles.push({ file, meta, body, sentences: item.sentences.length, statements, firstSentence });
    }
    const search = new MiniSearch<IndexedDocument>(INDEX_OPTIONS);
    search.addAll(sentences.map((s) => ({ id: s.id, text: textOfSpan(articles, s), speaker: speakerField(speakers, s.speaker) })));
    return new CorpusIndex(articles, sentences, speakers, search, corpus.failures);
  }

  /** The sentence exactly as it stands in its article. */
  textOf(sentence: StoredSentence): string {
    return textOfSpan(this.articles, sentence);
  }

  sentence(id: number): StoredSentence | undefined {
    return this.sentences[id];
  }

  /** The sentences of one article, in reading order. */
  sentencesOf(articleId: number): StoredSentence[] {
    const article = this.articles[articleId];
    return article ? this.sentences.slice(article.firstSentence, article.firstSentence + article.sentences) : [];
  }
}

function textOfSpan(articles: readonly IndexedArticle[], sentence: StoredSentence): string {
  return articles[sentence.article]?.body.slice(sentence.start, sentence.end) ?? '';
}

function speakerField(speakers: SpeakerDirectory, id: number | null): string {
  if (id === null) return '';
  const speaker = speakers.get(id);
  return speaker ? [...speaker.forms, ...speaker.roles].join(' ; ') : '';
}
