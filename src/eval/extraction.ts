import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { extractArticle, NotAnArticle } from '../ingest/extract.js';
import { bodyScores, f1Of, pageCounts, precisionOf, recallOf, sameTokens, type BodyScores, type PageCounts } from './shingles.js';

/**
 * `npm run eval -- --extraction DIR`: how close extractArticle's paragraphs come to the expected
 * article text of real pages, in the metric of the article-extraction benchmark (shingles.ts).
 */

/** One page of a dataset: its html and the article text a person expects from it. */
export interface BenchmarkPage {
  id: string;
  html: string;
  expected: string;
}

export type Half = 'development' | 'held-out';

export interface PageResult {
  id: string;
  half: Half;
  precision: number;
  recall: number;
  f1: number;
  /** 'refused' (NotAnArticle), 'error' (extractArticle threw something else), or what is low. */
  flag: 'refused' | 'error' | 'low precision' | 'low recall' | 'low precision and recall' | 'ok';
  reason?: string;
}

export interface HalfScores extends BodyScores {
  pages: number;
  refused: number;
}

export interface ExtractionReport {
  dataset: string;
  layout: 'readability' | 'scrapinghub';
  pages: number;
  scores: { all: HalfScores; development: HalfScores; heldOut: HalfScores };
  refused: { id: string; reason: string }[];
  worst: PageResult[];
  /** Every page's figures, in id order (for comparing two runs). */
  results: PageResult[];
}

/** How a page's text is obtained: our extractor by default, or a saved output (to check the metric). */
export type Extractor = (page: BenchmarkPage) => string;

const WORST_SHOWN = 12;
// A page scoring below this on one side is flagged as weak on that side.
const LOW = 0.9;

/** The pages of DIR: mozilla/readability's test-pages layout, or the scrapinghub benchmark's. */
export function readBenchmark(dir: string): { layout: ExtractionReport['layout']; pages: BenchmarkPage[] } {
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir}`);
  if (existsSync(join(dir, 'ground-truth.json'))) return { layout: 'scrapinghub', pages: scrapinghubPages(dir) };
  const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'source.html')));
  if (folders.length === 0) throw new Error(`${dir} holds neither ground-truth.json nor folders with source.html`);
  const pages = folders.map((e) => e.name).sort().map((id) => ({
    id,
    html: readFileSync(join(dir, id, 'source.html'), 'utf8'),
    expected: existsSync(join(dir, id, 'expected.html')) ? htmlText(readFileSync(join(dir, id, 'expected.html'), 'utf8')) : '',
  }));
  return { layout: 'readability', pages };
}

function scrapinghubPages(dir: string): BenchmarkPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  return Object.keys(truth).sort().map((id) => {
    const file = join(dir, 'html', `${id}.html.gz`);
    // evaluate.py reads the pages as UTF-8, and so does every extractor it runs.
    const html = existsSync(file) ? gunzipSync(readFileSync(file)).toString('utf8') : '';
    return { id, html, expected: truth[id]?.articleBody ?? '' };
  });
}

const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);

/** The text of an expected.html, with a break at every block so words of two blocks never fuse. */
export function htmlText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    const block = node.nodeType === 1 && BLOCKS.has((node as Element).tagName);
    if (block) parts.push('\n');
    for (const child of node.childNodes) walk(child);
    if (block) parts.push('\n');
  };
  walk(document.body as unknown as Node);
  return parts.join('').replace(/[ \t\r\f\v]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/** Development or held-out, by a hash of the page's id: the same split on every run and machine. */
export function halfOf(id: string): Half {
  return (createHash('sha1').update(id).digest()[0] ?? 0) % 2 === 0 ? 'development' : 'held-out';
}

/** Our extractor: the paragraphs joined; a refused page is an empty extraction. */
export const ourExtractor: Extractor = (page) => extractArticle(page.html).paragraphs.join('\n\n');

export function evaluateExtraction(dir: string, extract: Extractor = ourExtractor): ExtractionReport {
  const { layout, pages } = readBenchmark(dir);
  const counts: PageCounts[] = [];
  const exact: boolean[] = [];
  const results: PageResult[] = [];
  for (const page of pages) {
    const { text, failure } = attempt(extract, page);
    const c = pageCounts(page.expected, text);
    counts.push(c);
    exact.push(sameTokens(page.expected, text));
    results.push(pageResult(page.id, c, failure));
  }
  const select = (half?: Half) => summary(results.map((r, i) => ({ r, c: counts[i]!, e: exact[i]! })).filter(({ r }) => !half || r.half === half));
  return {
    dataset: basename(resolve(dir)),
    layout,
    pages: pages.length,
    scores: { all: select(), development: select('development'), heldOut: select('held-out') },
    refused: results.filter((r) => r.flag === 'refused' || r.flag === 'error').map((r) => ({ id: r.id, reason: r.reason ?? '' })),
    worst: [...results].sort((a, b) => a.f1 - b.f1 || a.id.localeCompare(b.id)).slice(0, WORST_SHOWN).filter((r) => r.f1 < 1),
    results,
  };
}

function attempt(extract: Extractor, page: BenchmarkPage): { text: string; failure?: { flag: 'refused' | 'error'; reason: string } } {
  try {
    return { text: extract(page) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { text: '', failure: { flag: error instanceof NotAnArticle ? 'refused' : 'error', reason } };
  }
}

function pageResult(id: string, c: PageCounts, failure?: { flag: 'refused' | 'error'; reason: string }): PageResult {
  // Per page as in the means: nothing extracted is precision 1 only when nothing was expected.
  const precision = c.tp + c.fp > 0 ? precisionOf(c) : c.fn > 0 ? 0 : 1;
  const recall = recallOf(c);
  const base = { id, half: halfOf(id), precision, recall, f1: f1Of(precision, recall) };
  if (failure) return { ...base, flag: failure.flag, reason: failure.reason };
  const flag = precision < LOW && recall < LOW ? 'low precision and recall' : precision < LOW ? 'low precision' : recall < LOW ? 'low recall' : 'ok';
  return { ...base, flag };
}

function summary(rows: { r: PageResult; c: PageCounts; e: boolean }[]): HalfScores {
  const scores = bodyScores(rows.map((x) => x.c), rows.map((x) => x.e));
  return { pages: rows.length, refused: rows.filter((x) => x.r.flag === 'refused' || x.r.flag === 'error').length, ...scores };
}

/** Scores a saved output in the benchmark's format ({ output: { id: { articleBody } } } or the map). */
export function savedOutput(file: string): Extractor {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const output = (data.output && typeof data.output === 'object' ? data.output : data) as Record<string, { articleBody?: string }>;
  return (page) => output[page.id]?.articleBody ?? '';
}

const fixed = (n: number) => n.toFixed(3);

export function extractionTable(report: ExtractionReport): string {
  const header = ['half', 'pages', 'refused', 'precision', 'recall', 'F1', 'accuracy'];
  const rows = (['all', 'development', 'heldOut'] as const).map((key) => {
    const s = report.scores[key];
    return [key === 'heldOut' ? 'held-out' : key, String(s.pages), String(s.refused), fixed(s.precision), fixed(s.recall), fixed(s.f1), fixed(s.accuracy)];
  });
  const worst = report.worst.map((w) => [w.id, w.half, fixed(w.precision), fixed(w.recall), fixed(w.f1), w.flag + (w.reason ? `: ${w.reason}` : '')]);
  return [
    `extraction: ${report.dataset} (${report.layout} layout, ${report.pages} pages)`,
    columns(header, rows),
    '',
    'worst pages:',
    columns(['page', 'half', 'precision', 'recall', 'F1', 'flag'], worst),
  ].join('\n');
}

function columns(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (i === header.length - 1 ? 0 : (r[i] ?? '').length))));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...body.map(line)].join('\n');
}
