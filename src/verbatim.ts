import { loadCorpus } from './corpus/load.js';
import type { LoadedCorpus } from './corpus/types.js';
import { CorpusIndex, type IndexedArticle } from './search/corpusIndex.js';
import type { SpeakerLookup } from './search/speakerLookup.js';
import type { Speaker } from './search/speakers.js';
import { understand, cleanQuestion, type Query } from './search/understand.js';
import { rank } from './search/rank.js';
import { words } from './search/terms.js';
import { buildAnswer, type Answer } from './answer.js';
import { ACCEPT_ALL } from './statements/reports.js';
import type { IndexData } from './build/assemble.js';
import { verbatimProblem, type DroppedResult } from './verify.js';
import { NO_FILTERS, articleMask, foldOutlet, hasFilters, outletsOf, type Filters } from './search/filters.js';

export interface VerbatimOptions {
  onDropped?: (dropped: DroppedResult) => void;
}

function reportOnStderr(dropped: DroppedResult): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'warn', msg: 'result withheld: not verbatim', ...dropped })}\n`);
}

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 100;
const SUGGESTIONS = 3;
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
  private readonly masks = new Map<string, Uint8Array>();
  private outletList: { name: string; articles: number }[] | null = null;

  /** `onDropped` hears of every result withheld by the verbatim check (default: a JSON line on stderr). */
  constructor(readonly index: CorpusIndex, options: VerbatimOptions = {}) {
    this.onDropped = options.onDropped ?? reportOnStderr;
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
    return this.answer(understand(question, this.lookup), limit, offset, filters);
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

  /** The corpus's outlets, most articles first (for the outlet filter's autocomplete). */
  outlets(): { name: string; articles: number }[] {
    this.outletList ??= outletsOf(this.index.articles);
    return this.outletList;
  }

  private answer(query: Query, limit: number, offset: number, filters: Filters): Answer {
    const start = Math.max(0, offset);
    const filtered = hasFilters(filters);
    const mask = filtered ? this.maskFor(filters) : null;
    const { ranked, total } = rank(this.index, query, start + Math.max(0, Math.min(limit, MAX_LIMIT)), mask);
    // With filters, a person who is in the corpus but not in the filtered articles is not misspelt.
    const suggestions = total > 0 || (filtered && query.speaker) ? [] : this.suggest(query.unknownSpeaker ?? query.speaker?.name ?? query.topic.join(' '));
    const articleOf = this.index.store.data.article;
    const accept = mask ? (id: number) => mask[articleOf[id] as number] === 1 : ACCEPT_ALL;
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
