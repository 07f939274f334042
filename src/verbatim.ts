import { loadCorpus } from './corpus/load.js';
import type { LoadedCorpus } from './corpus/types.js';
import { CorpusIndex, type IndexedArticle } from './search/corpusIndex.js';
import type { SpeakerLookup } from './search/speakerLookup.js';
import type { Speaker } from './search/speakers.js';
import { understand, cleanQuestion, phrasedAsAQuestion, type Query } from './search/understand.js';
import { rank, speakerPage } from './search/rank.js';
import { indexTerm, words } from './index/terms.js';
import { buildAnswer, resultOf, type Answer, type AnswerResult } from './answer.js';
import { ACCEPT_ALL, type Accept } from './statements/reports.js';
import { publicationDay, timelineOf } from './questions/timeline.js';
import { whoSaid } from './questions/whoSaid.js';
import { relatedTerms, sharedExpander, type Expander } from './meaning/expand.js';
import { currentVectors } from './meaning/meaning.js';
import { RERANK, poolWithArticles, rerankByMeaning } from './meaning/rerank.js';
import type { Column, Comparison, QuoteAnswer, Refusal, Timeline, TimelineDay } from './questions/answers.js';
import type { IndexData } from './build/assemble.js';
import { verbatimProblem, type DroppedResult } from './verify.js';
import { NO_FILTERS, articleMask, describeFilters, foldOutlet, hasFilters, outletsOf, type Filters } from './search/filters.js';

export interface VerbatimOptions {
  onDropped?: (dropped: DroppedResult) => void;
  /**
   * Topic questions also match words of the same meaning (WordNet synonyms at retrieval, word
   * vectors and the kind of answer asked for in re-reading the best results); default on.
   */
  meaning?: boolean | MeaningParts;
}

/** Which parts of matching by meaning are on (for measuring what each adds). */
export interface MeaningParts {
  synonyms: boolean;
  vectors: boolean;
  answerKinds: boolean;
}

const ALL_MEANING: MeaningParts = { synonyms: true, vectors: true, answerKinds: true };
const NO_MEANING: MeaningParts = { synonyms: false, vectors: false, answerKinds: false };

function reportOnStderr(dropped: DroppedResult): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'warn', msg: 'result withheld: not verbatim', ...dropped })}\n`);
}

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 100;
const SUGGESTIONS = 3;
// A quote asked about (/whosaid) is a few words, a sentence at most: longer is pasted text.
export const MAX_QUOTE_CHARS = 500;
// Article masks kept for filtered questions (one byte an article each).
const MASKS_KEPT = 16;

/** A quote in its paragraph: the sentences around it, for the "Context" button. */
export interface QuoteContext {
  article: IndexedArticle;
  paragraph: number;
  sentences: { text: string; isQuote: boolean }[];
}

/** The core: a loaded, attributed and indexed corpus that answers questions. No Discord here. */
export class Verbatim {
  private readonly onDropped: (dropped: DroppedResult) => void;
  private readonly expander: Expander | null;
  private readonly meaning: MeaningParts;
  private readonly masks = new Map<string, Uint8Array>();
  private outletList: { name: string; articles: number }[] | null = null;

  /** `onDropped` hears of every result withheld by the verbatim check (default: a JSON line on stderr). */
  constructor(readonly index: CorpusIndex, options: VerbatimOptions = {}) {
    this.onDropped = options.onDropped ?? reportOnStderr;
    this.meaning = options.meaning === false ? NO_MEANING : options.meaning === true || options.meaning === undefined ? ALL_MEANING : options.meaning;
    this.expander = this.meaning.synonyms ? sharedExpander() : null;
  }

  get lookup(): SpeakerLookup {
    return this.index.lookup;
  }

  /** Like the constructor, but in slices that yield to the event loop: for a swap while serving. */
  static async fromDataInSlices(data: IndexData, options: VerbatimOptions = {}): Promise<Verbatim> {
    return new Verbatim(await CorpusIndex.fromDataInSlices(data), options);
  }

  /** Loads and indexes a corpus folder; throws CorpusFolderError when the folder cannot be read. */
  static fromFolder(dir: string): Verbatim {
    return Verbatim.fromCorpus(loadCorpus(dir));
  }

  static fromCorpus(corpus: LoadedCorpus): Verbatim {
    return new Verbatim(CorpusIndex.build(corpus));
  }

  /** Answers a free question: a page of `limit` results from `offset`, among the articles the filters keep. */
  ask(question: string, limit = DEFAULT_LIMIT, offset = 0, filters: Filters = NO_FILTERS): Answer {
    const query = understand(question, this.lookup);
    // Keywords ask for those words; a question written as one asks for what they mean.
    if (this.expander && !query.speaker && !query.unknownSpeaker && phrasedAsAQuestion(question)) query.related = relatedTerms(this.expander, query.topic);
    return this.answer(query, limit, offset, filters);
  }

  /** What one speaker said, optionally about a topic (the /quotes command). */
  quotes(speakerText: string, topic = '', limit = DEFAULT_LIMIT, offset = 0, filters: Filters = NO_FILTERS): Answer {
    const cleaned = cleanQuestion(speakerText);
    const match = this.lookup.find(words(cleaned), () => false);
    const query: Query = {
      question: topic ? `${cleaned} about ${cleanQuestion(topic)}` : cleaned,
      speaker: match?.speaker ?? null,
      unknownSpeaker: match ? null : cleaned || speakerText,
      topic: words(cleanQuestion(topic)),
    };
    return this.answer(query, limit, offset, filters);
  }

  /** What one person said, day by day of publication, each statement once by its earliest report (/timeline). */
  timeline(speakerText: string, topic = '', limit = MAX_LIMIT, offset = 0, filters: Filters = NO_FILTERS): Timeline | Refusal {
    const person = this.person(speakerText);
    if ('error' in person) return person;
    const mask = this.optionalMask(filters);
    const topicWords = words(cleanQuestion(topic));
    const ids = timelineOf(this.index, person.id, topicWords, mask);
    if (ids.length === 0) return { error: this.noStatements(person.name, topic, filters) };
    const start = Math.max(0, offset);
    const results = this.results(ids.slice(start, start + clampLimit(limit)).map((id) => ({ id, score: this.index.store.confidence(id) })), mask, person.id);
    const days: TimelineDay[] = [];
    for (const result of results) {
      const date = publicationDay(result.source.published);
      const last = days[days.length - 1];
      if (last && last.date === date) last.results.push(result);
      else days.push({ date, results: [result] });
    }
    return { speaker: person.name, topic: topicWords, days, total: ids.length, offset: start, filters: hasFilters(filters) ? filters : null };
  }

  /** Two people's statements on a topic, side by side, best first (/compare). */
  compare(firstText: string, secondText: string, topic = '', limit = DEFAULT_LIMIT, offset = 0, filters: Filters = NO_FILTERS): Comparison | Refusal {
    if (!cleanQuestion(firstText) || !cleanQuestion(secondText)) return { error: 'Compare needs two people: first:NAME second:NAME, for example /compare first:Lavrov second:Rubio.' };
    const first = this.person(firstText);
    if ('error' in first) return first;
    const second = this.person(secondText);
    if ('error' in second) return second;
    if (first.id === second.id) return { error: `Both names are ${first.name}: compare needs two different people.` };
    const mask = this.optionalMask(filters);
    const topicWords = words(cleanQuestion(topic));
    const start = Math.max(0, offset);
    const column = (person: { id: number; name: string }): Column => {
      const page = speakerPage(this.index, person.id, topicWords, start + clampLimit(limit), mask, true);
      return { speaker: person.name, total: page.total, results: this.results(page.ranked.slice(start).map((r) => ({ id: r.sentence.id, score: r.score })), mask, person.id) };
    };
    return { topic: topicWords, columns: [column(first), column(second)], offset: start, filters: hasFilters(filters) ? filters : null };
  }

  /** Who said these words, or words close to them: best match first, each by its earliest report (/whosaid). */
  whoSaid(quote: string, limit = DEFAULT_LIMIT, offset = 0): QuoteAnswer | Refusal {
    const problem = quoteProblem(quote);
    if (problem) return { error: problem };
    const matches = whoSaid(this.index, cleanQuestion(quote));
    const start = Math.max(0, offset);
    const results = this.results(matches.slice(start, start + clampLimit(limit)).map((m) => ({ id: m.sentence, score: m.score })), null);
    return { quote: quote.trim(), results, total: matches.length, offset: start };
  }

  /** The person a name means, or why there is none (with names to try). */
  private person(text: string): { id: number; name: string } | Refusal {
    const cleaned = cleanQuestion(text);
    if (!cleaned) return { error: 'Name a person: start typing and pick a name from the list.' };
    const match = this.lookup.find(words(cleaned), () => false);
    if (match) return { id: match.speaker.id, name: match.speaker.name };
    const names = this.suggest(cleaned);
    return { error: `No statements by ${cleaned} in these articles.${names.length > 0 ? ` Try: ${names.join(', ')}.` : ''}` };
  }

  private noStatements(name: string, topic: string, filters: Filters): string {
    const about = cleanQuestion(topic) ? ` about “${cleanQuestion(topic)}”` : '';
    if (hasFilters(filters)) return `No statements by ${name}${about} in the articles ${describeFilters(filters)}. Try without the filters.`;
    if (about) return `No statements by ${name}${about} in these articles. Try without the topic.`;
    return `No statements by ${name} in these articles: they are mentioned, but never reported speaking.`;
  }

  /** Results for sentences already chosen, with their other reports among the kept articles, each confirmed verbatim. */
  private results(chosen: { id: number; score: number }[], mask: Uint8Array | null, asked?: number): AnswerResult[] {
    const accept = this.acceptFor(mask);
    return chosen.flatMap(({ id, score }) => {
      const sentence = this.index.sentence(id);
      if (!sentence) return [];
      const result = resultOf(this.index, sentence, score, accept, asked);
      return this.confirmed(id, result.text, result.paragraph) ? [result] : [];
    });
  }

  private optionalMask(filters: Filters): Uint8Array | null {
    return hasFilters(filters) ? this.maskFor(filters) : null;
  }

  private acceptFor(mask: Uint8Array | null): Accept {
    const articleOf = this.index.store.data.article;
    return mask ? (id: number) => mask[articleOf[id] as number] === 1 : ACCEPT_ALL;
  }

  /** The corpus's outlets, most articles first (for the outlet filter's autocomplete). */
  outlets(): { name: string; articles: number }[] {
    this.outletList ??= outletsOf(this.index.articles);
    return this.outletList;
  }

  private answer(query: Query, limit: number, offset: number, filters: Filters): Answer {
    const start = Math.max(0, offset);
    const filtered = hasFilters(filters);
    const mask = filtered ? this.maskFor(filters) : null;
    const wanted = start + Math.max(0, Math.min(limit, MAX_LIMIT));
    // Keywords ask for those words; a question written as one asks for what it means (and pays for it).
    const rereads = (this.meaning.vectors || this.meaning.answerKinds) && !query.speaker && !query.unknownSpeaker && phrasedAsAQuestion(query.question);
    const page = rank(this.index, query, rereads ? Math.max(wanted, RERANK.pool) : wanted, mask);
    const vectors = this.meaning.vectors ? currentVectors() : null;
    const candidates = rereads ? poolWithArticles(this.index, page.ranked, this.acceptFor(mask)) : null;
    // The articles' other statements are part of the answer now: they are counted and paged too.
    const total = page.total + (candidates?.added ?? 0);
    const ranked = candidates ? rerankByMeaning(this.index, vectors, query.question, query.topic, candidates, this.meaning.answerKinds).slice(0, wanted) : page.ranked;
    // With filters, a person who is in the corpus but not in the filtered articles is not misspelt.
    const suggestions = total > 0 || (filtered && query.speaker) ? [] : this.suggest(query.unknownSpeaker ?? query.speaker?.name ?? query.topic.join(' '));
    const accept = this.acceptFor(mask);
    const answer = buildAnswer(this.index, query, { ranked: ranked.slice(start), total, offset: start }, suggestions, accept);
    return { ...answer, filters: filtered ? filters : null, results: answer.results.filter((r) => this.confirmed(r.sentenceId, r.text, r.paragraph)) };
  }

  /** Which articles pass the filters; the last few masks are kept, since a person pages through one answer. */
  private maskFor(filters: Filters): Uint8Array {
    const key = JSON.stringify([filters.since, filters.until, filters.outlets.map(foldOutlet).sort()]);
    let mask = this.masks.get(key);
    if (!mask) {
      mask = articleMask(this.index.articles, filters);
      this.masks.set(key, mask);
      if (this.masks.size > MASKS_KEPT) this.masks.delete(this.masks.keys().next().value as string);
    }
    return mask;
  }

  /** The verbatim guarantee: a sentence leaves the core only once its text is confirmed in its article. */
  private confirmed(sentenceId: number, text: string, paragraph: number): boolean {
    const problem = verbatimProblem(this.index, sentenceId, text, paragraph);
    if (problem === null) return true;
    const sentence = this.index.sentence(sentenceId);
    const file = sentence ? this.index.articles.get(sentence.article)?.file ?? null : null;
    this.onDropped({ sentenceId, file, reason: problem });
    return false;
  }

  private suggest(text: string): string[] {
    return this.lookup.closest(text, SUGGESTIONS).map((s) => s.name);
  }

  /** Speakers for autocomplete: by any name form (prefix, word, one typo), most quoted first. */
  speakerChoices(input: string, max: number): Speaker[] {
    return this.lookup.complete(cleanQuestion(input), max);
  }

  /**
   * A stable reference to a sentence that survives a restart: its article's place, the article's
   * content key (so a changed or moved article is never mistaken for it) and the sentence's offset.
   */
  locatorOf(sentenceId: number): string | null {
    const sentence = this.index.sentence(sentenceId);
    const article = sentence && this.index.articles.get(sentence.article);
    return sentence && article ? `${sentence.article}.${article.key}.${sentence.start}` : null;
  }

  /** The paragraph around a located sentence, or null when the corpus no longer has it. */
  contextOf(locator: string): QuoteContext | null {
    const [place, key, startText] = locator.split('.');
    const articleId = Number(place);
    const start = Number(startText);
    if (!Number.isInteger(articleId) || !Number.isInteger(start) || this.index.articles.get(articleId)?.key !== key) return null;
    const own = this.index.sentencesOf(articleId);
    const quoted = own.find((s) => s.start === start);
    const article = this.index.articles.get(articleId);
    if (!quoted || !article) return null;
    const paragraph = own.filter((s) => s.paragraph === quoted.paragraph);
    return {
      article,
      paragraph: quoted.paragraph,
      sentences: paragraph
        .map((s) => ({ id: s.id, text: this.index.textOf(s), isQuote: s.id === quoted.id }))
        .filter((s) => this.confirmed(s.id, s.text, quoted.paragraph))
        .map(({ text, isQuote }) => ({ text, isQuote })),
    };
  }
}

function clampLimit(limit: number): number {
  return Math.max(0, Math.min(Math.floor(limit) || 0, MAX_LIMIT));
}

/** Why a quote cannot be looked up (empty, a letter, pasted text, only common words), or null. */
export function quoteProblem(quote: string): string | null {
  if (quote.length > MAX_QUOTE_CHARS) return `That is ${quote.length.toLocaleString('en')} characters: give at most ${MAX_QUOTE_CHARS} characters of the quote (a few words are enough).`;
  const cleaned = cleanQuestion(quote);
  if (cleaned.replace(/[^\p{L}\p{N}]/gu, '').length < 2) return 'Give a few words of the quote, for example: /whosaid quote:ready to sign tonight.';
  if (!words(cleaned).some((w) => indexTerm(w) !== null)) return 'Those words are too common to tell one quote from another: give a few more words of it.';
  return null;
}
