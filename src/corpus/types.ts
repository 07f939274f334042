/** Article metadata as the corpus states it; absent fields are null (contracts §1). */
export interface ArticleMeta {
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  author: string | null;
}

/** One article as loaded from the corpus folder. `body` has LF line ends and no BOM. */
export interface Article {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  meta: ArticleMeta;
  body: string;
}

/** A file that could not be served, with the reason a person can act on. */
export interface LoadFailure {
  file: string;
  reason: string;
}

export interface LoadedCorpus {
  articles: Article[];
  failures: LoadFailure[];
}
