import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { readGold } from './gold.js';
import { score, type Answerer, type Scores } from './metrics.js';
import { plainMiniSearch } from './baseline.js';
import { Verbatim, type MeaningParts } from '../verbatim.js';
import { prepareVectors } from '../meaning/meaning.js';
import { evaluateExtraction, extractionTable, ourExtractor, savedOutput } from './extraction.js';
import { coverageTable, scoreCoverageSet } from './coverage.js';

/** A corpus folder and the gold that describes it. */
interface Dataset {
  name: string;
  corpus: string;
  gold: string;
}

const DEFAULT_DATASETS: Dataset[] = [
  { name: 'fictional', corpus: 'test/eval/fictional/corpus', gold: 'test/eval/fictional/gold.json' },
  { name: 'seed', corpus: 'corpus', gold: 'test/eval/seed-gold.json' },
  { name: 'topics', corpus: 'test/eval/topics/corpus', gold: 'test/eval/topics/gold.json' },
];

/** With --meaning: Verbatim again with each part of matching by meaning added in turn. */
const MEANING_STEPS: { engine: string; parts: MeaningParts }[] = [
  { engine: 'verbatim, words only', parts: { synonyms: false, vectors: false, answerKinds: false } },
  { engine: '+ WordNet synonyms', parts: { synonyms: true, vectors: false, answerKinds: false } },
  { engine: '+ word vectors', parts: { synonyms: true, vectors: true, answerKinds: false } },
];
// The multi-outlet coverage set (src/eval/coverage.ts): a folder with corpus/ and gold.json.
const DEFAULT_COVERAGE = 'test/eval/coverage';
const POLNEAR: Dataset = { name: 'polnear-dev', corpus: '../shared/eval/polnear-dev/corpus', gold: '../shared/eval/polnear-dev/gold.json' };

interface Row {
  dataset: string;
  engine: string;
  scores: Scores;
}

interface Options {
  corpus?: string;
  gold?: string;
  polnear?: boolean;
  json?: boolean;
  extraction?: string[];
  predictions?: string;
  meaning?: boolean;
  coverage?: string;
  misses?: boolean;
}

function options(argv: string[]): Options {
  return parseArgs({
    args: argv,
    options: {
      corpus: { type: 'string' }, gold: { type: 'string' }, polnear: { type: 'boolean' }, json: { type: 'boolean' },
      // Each part of matching by meaning measured on its own row (src/meaning/).
      meaning: { type: 'boolean' },
      // Article-body extraction over saved pages (src/eval/extraction.ts) instead of the answers.
      extraction: { type: 'string', multiple: true }, predictions: { type: 'string' },
      // The coverage set to score (default test/eval/coverage, scored unless --corpus/--gold name another set); --misses lists its misses.
      coverage: { type: 'string' }, misses: { type: 'boolean' },
    },
  }).values;
}

function datasets(values: Options): { list: Dataset[]; json: boolean } {
  if (values.corpus || values.gold) {
    if (!values.corpus || !values.gold) throw new Error('--corpus and --gold go together');
    return { list: [{ name: values.corpus, corpus: values.corpus, gold: values.gold }], json: !!values.json };
  }
  const list = [...DEFAULT_DATASETS];
  if (values.polnear && existsSync(POLNEAR.gold)) list.push(POLNEAR);
  return { list, json: !!values.json };
}

/** The coverage set to score: --coverage DIR, else the default one unless another corpus was named. */
function coverageSet(values: Options): string | null {
  if (values.coverage) {
    if (!existsSync(values.coverage)) throw new Error(`--coverage ${values.coverage}: no such folder`);
    return values.coverage;
  }
  return values.corpus || values.gold || !existsSync(DEFAULT_COVERAGE) ? null : DEFAULT_COVERAGE;
}

/** The metrics' view of one Verbatim: its answers' speakers, texts and files. */
function answererOf(verbatim: Verbatim): Answerer {
  return (question, limit) => {
    const answer = verbatim.ask(question, limit);
    return { speaker: answer.speaker, results: answer.results.map((r) => ({ text: r.text, speaker: r.speaker, file: r.source.file })) };
  };
}

function evaluate(dataset: Dataset, meaningSteps: boolean): Row[] {
  const gold = readGold(dataset.gold);
  const verbatim = Verbatim.fromFolder(dataset.corpus);
  const steps = meaningSteps ? MEANING_STEPS.map(({ engine, parts }) => ({ engine, verbatim: new Verbatim(verbatim.index, { meaning: parts, onDropped: () => undefined }) })) : [];
  for (const failure of verbatim.index.failures) process.stderr.write(`skipped ${failure.file}: ${failure.reason}\n`);
  const ours = answererOf(verbatim);
  return [
    ...steps.map((step) => ({ dataset: dataset.name, engine: step.engine, scores: score(gold, dataset.corpus, answererOf(step.verbatim)) })),
    { dataset: dataset.name, engine: meaningSteps ? '+ answer kinds (verbatim)' : 'verbatim', scores: score(gold, dataset.corpus, ours) },
    { dataset: dataset.name, engine: 'plain minisearch', scores: score(gold, dataset.corpus, plainMiniSearch(verbatim.index)) },
  ];
}

const fixed = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

function table(rows: Row[]): string {
  const header = ['dataset', 'engine', 'questions', 'precision@5', 'recall@10', 'attribution', 'recognized', 'coref recall@10', 'topic recall@3', 'mention-only'];
  const body = rows.map(({ dataset, engine, scores: s }) => [
    dataset, engine, String(s.questions), fixed(s.precisionAt5), fixed(s.recallAt10),
    engine === 'plain minisearch' ? 'n/a' : `${fixed(s.attributionAccuracy)} (${s.attributed})`,
    fixed(s.recognized), fixed(s.corefRecallAt10), fixed(s.topicRecallAt3), fixed(s.mentionOnlyRight),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** --extraction DIR (repeatable); --predictions FILE scores a saved benchmark output instead of ours. */
function extraction(values: Options): void {
  const extract = values.predictions ? savedOutput(values.predictions) : ourExtractor;
  const reports = (values.extraction ?? []).map((dir) => evaluateExtraction(dir, extract));
  const json = reports.length === 1 ? reports[0] : reports;
  process.stdout.write(values.json ? `${JSON.stringify(json)}\n` : `${reports.map(extractionTable).join('\n\n')}\n`);
}

try {
  const values = options(process.argv.slice(2));
  // The word vectors the bot uses, compiled into CACHE_DIR the first time (about 2 s).
  const prepared = await prepareVectors(process.env.CACHE_DIR || '.cache');
  if (prepared.error) process.stderr.write(`eval: word vectors unavailable (${prepared.error}); topic questions are measured without them\n`);
  if (values.extraction) {
    extraction(values);
  } else {
    if (values.predictions) throw new Error('--predictions goes with --extraction');
    const { list, json } = datasets(values);
    const rows = list.flatMap((dataset) => evaluate(dataset, !!values.meaning));
    const coverage = coverageSet(values);
    const scores = coverage ? scoreCoverageSet(coverage, coverage === DEFAULT_COVERAGE ? 'coverage' : coverage) : null;
    if (json) {
      // The rows alone, as before, unless --coverage is asked for: then {rows, coverage}.
      process.stdout.write(`${JSON.stringify(values.coverage && scores ? { rows, coverage: scores } : rows)}\n`);
    } else {
      process.stdout.write(`${table(rows)}\n`);
      if (scores) process.stdout.write(`\n${coverageTable(scores, !!values.misses)}\n${!values.misses && scores.misses.length > 0 ? `(${scores.misses.length} misses: npm run eval -- --misses lists them)\n` : ''}`);
    }
  }
} catch (error) {
  process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
