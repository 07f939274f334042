import type { QuoteKind } from './attribution/attribute.js';
import type { CorpusIndex, IndexedArticle, StoredSentence } from './search/corpusIndex.js';
import type { Ranked } from './search/rank.js';
import type { Query } from './search/understand.js';
import type { Filters } from './search/filters.js';
import { ACCEPT_ALL, otherReports, type Accept } from './statements/reports.js';

export interface Source {
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  file: string;
}

/** A report of a statement in other words: a translation, a quotation cut differently. */
export interface Variant {
  text: string;
  source: Source;
}

/** One answering sentence with who said it and where: plain data for every renderer. */
export interface AnswerResult {
  text: string;
  speaker: string | null;
  quote: QuoteKind | null;
  paragraph: number;
  score: number;
  source: Source;
  /** True when the speaker is a source the article does not name ("an official said"); speaker is then null. */
  anonymous: boolean;
  /** Other articles that carry this statement: the same sentence, or the speaker's same quoted words in another sentence; oldest first. */
  alsoIn: Source[];
  /** Other articles' reports of this statement in other words, oldest first. */
  variants: Variant[];
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

/**
 * Builds the answer's results from ranked sentences; the text is read back from the article.
 * `accept` says which other reports of a statement the filters keep for alsoIn and variants.
 */
export function buildAnswer(index: CorpusIndex, query: Query, page: Page, suggestions: string[], accept: Accept = ACCEPT_ALL): Answer {
  const results = page.ranked.map(({ sentence, score }) => resultOf(index, sentence, score, accept, query.speaker?.id));
  return {
    question: query.question, speaker: query.speaker?.name ?? null, results, unknownSpeaker: query.unknownSpeaker,
    suggestions, total: page.total, offset: page.offset, topic: query.topic,
  };
}

/** One result: the sentence, who said it, where, and the statement's other reports. */
export function resultOf(index: CorpusIndex, sentence: StoredSentence, score: number, accept: Accept = ACCEPT_ALL, asked?: number): AnswerResult {
  const others = otherReports(index, sentence.id, accept);
  // On a speaker's page every result is theirs: a joint statement ("X and Y said") shows the one asked about.
  const speaker = asked !== undefined && sentence.speaker !== null ? asked : sentence.speaker;
  return {
    text: textOf(index, sentence),
    speaker: speaker === null ? null : index.speakers.get(speaker)?.name ?? null,
    anonymous: sentence.anonymous,
    quote: sentence.quote,
    paragraph: sentence.paragraph,
    score: Math.round(score * 1000) / 1000,
    source: sourceOf(articleOf(index, sentence.article)),
    alsoIn: others.alsoIn.map((id) => sourceOf(articleOf(index, id))),
    variants: others.variants.flatMap((id) => {
      const variant = index.sentence(id);
      return variant ? [{ text: textOf(index, variant), source: sourceOf(articleOf(index, variant.article)) }] : [];
    }),
    sentenceId: sentence.id,
    cue: sentence.cue,
    confidence: sentence.confidence,
  };
}

function articleOf(index: CorpusIndex, id: number): IndexedArticle {
  const article = index.articles.get(id);
  if (!article) throw new Error(`article ${id} is not in the index`);
  return article;
}

function textOf(index: CorpusIndex, sentence: StoredSentence): string {
  return collapseLineBreaks(index.textOf(sentence));
}

export function sourceOf(article: IndexedArticle): Source {
  return { title: article.meta.title, outlet: article.meta.outlet, url: article.meta.url, published: article.meta.published, file: article.file };
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
    results: answer.results.map(resultJson),
    ...(answer.filters ? { filters: { since: answer.filters.since, until: answer.filters.until, outlets: answer.filters.outlets } } : {}),
  };
}

/** One result as contracts §2 gives it. */
export function resultJson(r: AnswerResult): object {
  return {
    text: r.text, speaker: r.speaker, quote: r.quote, paragraph: r.paragraph, score: r.score, source: r.source,
    anonymous: r.anonymous, alsoIn: r.alsoIn, variants: r.variants,
  };
}
