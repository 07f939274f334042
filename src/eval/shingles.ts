/**
 * The article-body metric of scrapinghub/article-extraction-benchmark (evaluate.py), copied
 * exactly so that our figures sit beside the published ones: texts are cut into word tokens,
 * compared as multisets of 4-token shingles, each page's counts normalised to sum to 1, and
 * precision and recall averaged over pages; F1 is taken from the two means.
 */

/** Normalised true positives, false positives and false negatives of one page. */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface BodyScores {
  precision: number;
  recall: number;
  f1: number;
  /** Share of pages whose token sequence is exactly the expected one. */
  accuracy: number;
}

const SHINGLE_SIZE = 4;

/** Python's `re.findall(r'\w+', text)` with re.UNICODE: letters, numbers (any script) and "_". */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/**
 * Counts of each shingle. As in evaluate.py, a text of fewer than n tokens still gives one
 * (shorter) shingle, and an empty text gives none.
 */
export function shingles(text: string, n = SHINGLE_SIZE): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    // A tab never occurs inside a token, so the joined key is unambiguous.
    const key = shingle.join('\t');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** evaluate.py's string_shingle_matching: counts normalised so long pages weigh no more. */
export function pageCounts(expected: string, extracted: string): PageCounts {
  const truth = shingles(expected);
  const predicted = shingles(extracted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truth.keys(), ...predicted.keys()])) {
    const t = truth.get(key) ?? 0;
    const p = predicted.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

export function precisionOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

export function f1Of(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/**
 * evaluate.py's metrics_from_tp_fp_fns. A page with nothing extracted (tp + fp = 0) is left out
 * of the precision mean and counts 0 in the recall mean; a page whose expected text is empty is
 * left out of the recall mean. A mean over no pages is 0 here (Python would raise).
 */
export function bodyScores(pages: readonly PageCounts[], exact: readonly boolean[] = []): BodyScores {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(recallOf));
  return { precision, recall, f1: f1Of(precision, recall), accuracy: mean(exact.map((e) => (e ? 1 : 0))) };
}

/** evaluate.py's get_accuracy: the same tokens in the same order. */
export function sameTokens(expected: string, extracted: string): boolean {
  const a = tokenize(expected);
  const b = tokenize(extracted);
  return a.length === b.length && a.every((token, i) => token === b[i]);
}

function mean(values: number[]): number {
  return values.length > 0 ? values.reduce((sum, v) => sum + v, 0) / values.length : 0;
}
