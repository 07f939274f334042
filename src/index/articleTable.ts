import type { ArticleMeta } from '../corpus/types.js';

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

/** The articles as bytes and numbers: one JSON line of file, key and metadata per article. */
export interface ArticleTableData {
  lines: Uint8Array;
  lineStarts: Uint32Array;
  sentences: Uint32Array;
  statements: Uint32Array;
  firstSentence: Uint32Array;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * The corpus's articles, decoded only when one is shown: at fifty thousand articles, making an
 * object of each on load (or on a swap after a rebuild) would stall the event loop.
 */
export class ArticleTable {
  private readonly decoded: (IndexedArticle | undefined)[] = [];

  constructor(readonly data: ArticleTableData) {}

  get length(): number {
    return this.data.sentences.length;
  }

  get(i: number): IndexedArticle | undefined {
    if (i < 0 || i >= this.length) return undefined;
    let article = this.decoded[i];
    if (!article) {
      const line = decoder.decode(this.data.lines.subarray(this.data.lineStarts[i], this.data.lineStarts[i + 1]));
      const { file, key, meta } = JSON.parse(line) as Pick<IndexedArticle, 'file' | 'key' | 'meta'>;
      article = { file, key, meta, sentences: this.data.sentences[i] as number, statements: this.data.statements[i] as number, firstSentence: this.data.firstSentence[i] as number };
      this.decoded[i] = article;
    }
    return article;
  }

  /** Articles in corpus order, decoded one by one as the caller goes. */
  *[Symbol.iterator](): Generator<IndexedArticle> {
    for (let i = 0; i < this.length; i++) yield this.get(i) as IndexedArticle;
  }

  static from(articles: readonly IndexedArticle[]): ArticleTableData {
    const lines = articles.map((a) => encoder.encode(JSON.stringify({ file: a.file, key: a.key, meta: a.meta })));
    const lineStarts = new Uint32Array(articles.length + 1);
    for (let i = 0; i < lines.length; i++) lineStarts[i + 1] = (lineStarts[i] as number) + (lines[i] as Uint8Array).length;
    const bytes = new Uint8Array(lineStarts[articles.length] as number);
    lines.forEach((line, i) => bytes.set(line, lineStarts[i]));
    return {
      lines: bytes, lineStarts,
      sentences: Uint32Array.from(articles, (a) => a.sentences),
      statements: Uint32Array.from(articles, (a) => a.statements),
      firstSentence: Uint32Array.from(articles, (a) => a.firstSentence),
    };
  }
}
