import type { Article, ArticleMeta } from '../corpus/types.js';
import { analyzeArticle } from '../attribution/attribute.js';
import type { ArticlePerson } from '../attribution/people.js';
import { Growable } from '../index/growable.js';
import { utf8Offsets, sentenceHash, UNNAMED_SOURCE } from '../index/sentenceStore.js';
import { TermIndexBuilder } from '../index/postings.js';
import { Interner } from '../index/interner.js';
import { createHash } from 'node:crypto';
import { quoteSignature } from '../statements/quotedWords.js';

/** A person of one article, as plain data that crosses threads. */
export interface PersonRecord {
  key: string;
  name: string[];
  surname: string;
  forms: string[];
  roles: string[];
  gender: 'm' | 'f' | null;
  mentions: number;
  confirmed: boolean;
}

export interface PartArticle {
  file: string;
  meta: ArticleMeta;
  key: string;
  people: PersonRecord[];
  sentences: number;
}

/**
 * Some articles analysed, encoded and tokenized: the slice of work one thread does. Everything
 * per sentence is in typed arrays, so it moves between threads without copying.
 */
export interface Part {
  articles: PartArticle[];
  /** The articles' text, UTF-8, and where each starts (one more entry marks the end). */
  text: Uint8Array;
  articleStarts: Uint32Array;
  /** Per sentence: byte offsets within `text`, paragraph, speaker as an index into its article's people (-1 none). */
  start: Uint32Array;
  end: Uint32Array;
  paragraph: Uint32Array;
  person: Int32Array;
  quote: Uint8Array;
  confidence: Uint8Array;
  cue: Uint16Array;
  textHash: Uint32Array;
  /** A named person's quotation per sentence (see statements/quotedWords.ts): key 0 for none; terms by sentence. */
  quoteKey: Uint32Array;
  quoteTermStarts: Uint32Array;
  quoteTerms: Uint32Array;
  quoteGuard: Uint32Array;
  /** Joint statements ("X and Y said"): the part's sentence, and another of its speakers as an index into its article's people; by sentence. */
  jointSentences: Uint32Array;
  jointPeople: Uint32Array;
  cues: string[];
  /** The sentences' terms against this part's own dictionary. */
  terms: string[];
  docStarts: Uint32Array;
  docTerms: Uint32Array;
  docFreqs: Uint8Array;
  lengths: Uint16Array;
}

const encoder = new TextEncoder();

/** Analyses, encodes and tokenizes a slice of articles. */
export function analyzePart(articles: readonly Article[]): Part {
  const out = new PartBuilder();
  for (const article of articles) out.add(article);
  return out.finish();
}

class PartBuilder {
  private readonly articles: PartArticle[] = [];
  private readonly chunks: Uint8Array[] = [];
  private bytes = 0;
  private readonly articleStarts = new Growable(Uint32Array);
  private readonly start = new Growable(Uint32Array);
  private readonly end = new Growable(Uint32Array);
  private readonly paragraph = new Growable(Uint32Array);
  private readonly person = new Growable(Int32Array);
  private readonly quote = new Growable(Uint8Array);
  private readonly confidence = new Growable(Uint8Array);
  private readonly cue = new Growable(Uint16Array);
  private readonly textHash = new Growable(Uint32Array);
  private readonly quoteKey = new Growable(Uint32Array);
  private readonly quoteTermStarts = new Growable(Uint32Array);
  private readonly quoteTerms = new Growable(Uint32Array);
  private readonly quoteGuard = new Growable(Uint32Array);
  private readonly jointSentences = new Growable(Uint32Array);
  private readonly jointPeople = new Growable(Uint32Array);
  // Cue 0 stands for no cue.
  private readonly cues = new Interner(['']);
  private readonly terms = new TermIndexBuilder();

  add(article: Article): void {
    const analyzed = analyzeArticle(article);
    const people = analyzed.people;
    const personIndex = new Map<ArticlePerson, number>(people.map((p, i) => [p, i]));
    const base = this.bytes;
    this.articleStarts.push(base);
    const encoded = encoder.encode(article.body);
    this.chunks.push(encoded);
    this.bytes += encoded.length;
    const offsets = utf8Offsets(article.body, analyzed.sentences.flatMap((s) => [s.span.start, s.span.end]));
    analyzed.sentences.forEach((sentence, i) => {
      const attribution = sentence.attribution;
      this.start.push(base + (offsets[2 * i] as number));
      this.end.push(base + (offsets[2 * i + 1] as number));
      this.paragraph.push(sentence.span.paragraph);
      for (const other of attribution?.others ?? []) {
        const index = personIndex.get(other);
        if (index === undefined) continue;
        this.jointSentences.push(this.person.length);
        this.jointPeople.push(index);
      }
      this.person.push(attribution?.person ? (personIndex.get(attribution.person) ?? -1) : attribution?.anonymous ? UNNAMED_SOURCE : -1);
      this.quote.push(attribution?.quote === 'direct' ? 1 : attribution?.quote === 'indirect' ? 2 : 0);
      this.confidence.push(Math.round((attribution?.confidence ?? 0) * 100));
      this.cue.push(this.cues.id(attribution?.cue ?? ''));
      this.textHash.push(sentenceHash(sentence.text));
      this.addQuote(attribution?.person ? sentence.text : null);
      this.terms.add(sentence.text);
    });
    this.articles.push({
      file: article.file, meta: article.meta, key: articleKey(article.file, article.body), sentences: analyzed.sentences.length,
      people: people.map((p) => ({ key: p.key, name: p.name, surname: p.surname, forms: [...p.forms], roles: [...p.roles], gender: p.gender, mentions: p.mentions, confirmed: p.confirmed })),
    });
  }

  /** Only a named person's quotations are grouped by their words: an unnamed source's are grouped only by copies of the sentence. */
  private addQuote(text: string | null): void {
    this.quoteTermStarts.push(this.quoteTerms.length);
    const signature = text === null ? null : quoteSignature(text);
    this.quoteKey.push(signature?.key ?? 0);
    this.quoteGuard.push(signature?.guard ?? 0);
    for (const term of signature?.terms ?? []) this.quoteTerms.push(term);
  }

  finish(): Part {
    this.articleStarts.push(this.bytes);
    this.quoteTermStarts.push(this.quoteTerms.length);
    const text = new Uint8Array(this.bytes);
    let at = 0;
    for (const chunk of this.chunks) {
      text.set(chunk, at);
      at += chunk.length;
    }
    const documents = this.terms.documents();
    return {
      articles: this.articles, text, articleStarts: this.articleStarts.finish(),
      start: this.start.finish(), end: this.end.finish(), paragraph: this.paragraph.finish(), person: this.person.finish(),
      quote: this.quote.finish(), confidence: this.confidence.finish(), cue: this.cue.finish(), textHash: this.textHash.finish(),
      quoteKey: this.quoteKey.finish(), quoteTermStarts: this.quoteTermStarts.finish(), quoteTerms: this.quoteTerms.finish(), quoteGuard: this.quoteGuard.finish(),
      jointSentences: this.jointSentences.finish(), jointPeople: this.jointPeople.finish(), cues: this.cues.values,
      ...documents,
    };
  }
}

/** Ten hex digits of a hash of the article's file and text: a changed article gets a new key. */
export function articleKey(file: string, body: string): string {
  return createHash('sha256').update(file).update('\0').update(body).digest('hex').slice(0, 10);
}

/** The typed arrays' buffers of a part, each once (a part read back from the cache has one for all), to transfer rather than copy between threads. */
export function partBuffers(part: Part): ArrayBuffer[] {
  return [...new Set([part.text, part.articleStarts, part.start, part.end, part.paragraph, part.person, part.quote, part.confidence, part.cue,
    part.textHash, part.quoteKey, part.quoteTermStarts, part.quoteTerms, part.quoteGuard, part.docStarts, part.docTerms, part.docFreqs, part.lengths, part.jointSentences, part.jointPeople].map((a) => a.buffer as ArrayBuffer))];
}
