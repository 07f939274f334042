import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { readGold } from './gold.js';
import { score, type Answerer, type Scores } from './metrics.js';
import { plainMiniSearch } from './baseline.js';
import { Verbatim } from '../verbatim.js';

/** A corpus folder and the gold that describes it. */
interface Dataset {
  name: string;
  corpus: string;
  gold: string;
}

const DEFAULT_DATASETS: Dataset[] = [
  { name: 'fictional', corpus: 'test/eval/fictional/corpus', gold: 'test/eval/fictional/gold.json' },
  { name: 'seed', corpus: 'corpus', gold: 'test/eval/seed-gold.json' },
];
const POLNEAR: Dataset = { name: 'polnear-dev', corpus: '../shared/eval/polnear-dev/corpus', gold: '../shared/eval/polnear-dev/gold.json' };

interface Row {
  dataset: string;
  engine: string;
  scores: Scores;
}

function datasets(argv: string[]): { list: Dataset[]; json: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: { corpus: { type: 'string' }, gold: { type: 'string' }, polnear: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (values.corpus || values.gold) {
    if (!values.corpus || !values.gold) throw new Error('--corpus and --gold go together');
    return { list: [{ name: values.corpus, corpus: values.corpus, gold: values.gold }], json: !!values.json };
  }
  const list = [...DEFAULT_DATASETS];
  if (values.polnear && existsSync(POLNEAR.gold)) list.push(POLNEAR);
  return { list, json: !!values.json };
}

function evaluate(dataset: Dataset): Row[] {
  const gold = readGold(dataset.gold);
  const verbatim = Verbatim.fromFolder(dataset.corpus);
  for (const failure of verbatim.index.failures) process.stderr.write(`skipped ${failure.file}: ${failure.reason}\n`);
  const ours: Answerer = (question, limit) => {
    const answer = verbatim.ask(question, limit);
    return { speaker: answer.speaker, results: answer.results.map((r) => ({ text: r.text, speaker: r.speaker, file: r.source.file })) };
  };
  return [
    { dataset: dataset.name, engine: 'verbatim', scores: score(gold, dataset.corpus, ours) },
    { dataset: dataset.name, engine: 'plain minisearch', scores: score(gold, dataset.corpus, plainMiniSearch(verbatim.index)) },
  ];
}

const fixed = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

function table(rows: Row[]): string {
  const header = ['dataset', 'engine', 'questions', 'precision@5', 'recall@10', 'attribution', 'recognized', 'topic recall@3', 'mention-only'];
  const body = rows.map(({ dataset, engine, scores: s }) => [
    dataset, engine, String(s.questions), fixed(s.precisionAt5), fixed(s.recallAt10),
    engine === 'plain minisearch' ? 'n/a' : `${fixed(s.attributionAccuracy)} (${s.attributed})`,
    fixed(s.recognized), fixed(s.topicRecallAt3), fixed(s.mentionOnlyRight),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

try {
  const { list, json } = datasets(process.argv.slice(2));
  const rows = list.flatMap(evaluate);
  process.stdout.write(json ? `${JSON.stringify(rows)}\n` : `${table(rows)}\n`);
} catch (error) {
  process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
