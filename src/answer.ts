import type { QuoteKind } from './attribution/attribute.js';
import type { CorpusIndex, IndexedArticle } from './search/corpusIndex.js';
import type { Ranked } from './search/rank.js';
import type { Query } from './search/understand.js';
import type { Filters } from './search/filters.js';

export interface Source {
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  file: string;
}

/** One answering sentence with who said it and where: plain data for every renderer. */
export interface AnswerResult {
  text: string;
  speaker: string | null;
  quote: QuoteKind | null;
  paragraph: number;
  score: number;
  source: Source;
  /** Other articles that carry the same sentence word for word (wire copies), oldest first. Not in the JSON of contracts §2. */
  alsoIn: Source[];
  /** Internal: which sentence this is, its cue and how sure the attribution is. */
  sentenceId: number;
  cue: string | null;
  confidence: number;
}

export interface Answer {
  question: string;
  speaker: string | null;
  results: AnswerResult[];
  /** The person asked about when the corpus does not know them. */
  unknownSpeaker: string | null;
  /** Speaker names to try when nothing was found. */
  suggestions: string[];
  /** How many results there are in all, and where this page starts. */
  total: number;
  offset: number;
  /** The topic words, for highlighting. */
  topic: string[];
  /** The filters the question was asked with, or null when none. */
  filters?: Filters | null;
}

/** One page of ranked results. */
export interface Page {
  ranked: readonly Ranked[];
  total: number;
  offset: number;
}

/** Builds the answer's results from ranked sentences; the text is read back from the article. */
export function buildAnswer(index: CorpusIndex, query: Query, page: Page, suggestions: string[]): Answer {
  const results = page.ranked.map(({ sentence, score }): AnswerResult => {
    const article = index.articles.get(sentence.article);
    if (!article) throw new Error(`sentence ${sentence.id} has no article`);
    return {
      text: collapseLineBreaks(index.textOf(sentence)),
      speaker: sentence.speaker === null ? null : index.speakers.get(sentence.speaker)?.name ?? null,
      quote: sentence.quote,
      paragraph: sentence.paragraph,
      score: Math.round(score * 1000) / 1000,
      source: sourceOf(article),
      alsoIn: alsoIn(index, sentence.id, sentence.article),
      sentenceId: sentence.id,
      cue: sentence.cue,
      confidence: sentence.confidence,
    };
  });
  return {
    question: query.question, speaker: query.speaker?.name ?? null, results, unknownSpeaker: query.unknownSpeaker,
    suggestions, total: page.total, offset: page.offset, topic: query.topic,
  };
}

function sourceOf(article: IndexedArticle): Source {
  return { title: article.meta.title, outlet: article.meta.outlet, url: article.meta.url, published: article.meta.published, file: article.file };
}

/** The other articles that carry this sentence (its wire copies), each once, oldest first. */
function alsoIn(index: CorpusIndex, sentenceId: number, ownArticle: number): Source[] {
  const articles = new Set<number>();
  for (const copy of index.store.copiesOf(sentenceId)) {
    const article = index.sentence(copy)?.article;
    if (article !== undefined && article !== ownArticle) articles.add(article);
  }
  return [...articles]
    .map((id) => index.articles.get(id))
    .filter((a): a is IndexedArticle => !!a)
    .map(sourceOf)
    .sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.file.localeCompare(b.file));
}

/** A sentence wrapped over lines reads as one line; contracts §2 allows collapsed whitespace. */
function collapseLineBreaks(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, ' ');
}

/** Exactly the `ask --json` object of contracts §2, with no internal fields. */
export function toContractJson(answer: Answer): object {
  return {
    question: answer.question,
    speaker: answer.speaker,
    results: answer.results.map((r) => ({
      text: r.text, speaker: r.speaker, quote: r.quote, paragraph: r.paragraph, score: r.score, source: r.source,
    })),
    ...(answer.filters ? { filters: { since: answer.filters.since, until: answer.filters.until, outlets: answer.filters.outlets } } : {}),
  };
}
