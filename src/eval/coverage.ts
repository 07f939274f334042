import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { MAX_LIMIT, Verbatim } from '../verbatim.js';
import { resultOf, type AnswerResult } from '../answer.js';
import { normMatch, sameName } from './gold.js';

/**
 * `npm run eval`'s coverage figures: how a corpus where several outlets report the same
 * statements over several days is answered. Every statement must be shown once, by its earliest
 * report, with its other reports (alsoIn) and its reports in other words (variants); an unnamed
 * source's statement must never be given to a person; and two statements that only look alike
 * must stay two. The set is a folder with `corpus/` and `gold.json` (test/eval/coverage).
 */

/** One sentence of the gold: a file in the corpus folder and the sentence exactly as it stands there. */
export interface CoverageSentence {
  file: string;
  text: string;
}

/** One statement: who made it, its reports in the same words, and its reports in other words. */
export interface CoverageStatement {
  id: string;
  /** The speaker's full name; null for an unnamed source. */
  speaker: string | null;
  anonymous: boolean;
  /** The sentences carrying it in the same words: the same sentence (a wire copy) or the same quoted words in another sentence. */
  reports: CoverageSentence[];
  /** Sentences giving it in other words: a translation, a quotation cut or worded differently. */
  variants: CoverageSentence[];
  note?: string;
}

export interface CoverageGold {
  statements: CoverageStatement[];
  /** Pairs of statement ids that look alike (one speaker, close words) but differ: they must be shown as two. */
  distinct: [string, string][];
}

/** One figure below 1 explained: the statement, what was shown, and why it counts as a miss. */
export interface CoverageMiss {
  measure: 'found' | 'grouped' | 'variantsFound' | 'anonymousKept' | 'distinctKept' | 'earliestShown';
  statement: string;
  detail: string;
}

export interface CoverageScores {
  set: string;
  statements: number;
  /** Named statements that appear at all in their speaker's answer (by any of their sentences). */
  found: number | null;
  /** Statements with two or more sentences (reports and variants together) in different articles. */
  multiReport: number;
  /** Of those: exactly one result shows the statement, and every other report's article is in its alsoIn. */
  grouped: number | null;
  variants: number;
  /** Gold variants listed in the shown result's variants (or alsoIn); a variant shown as a result of its own is a miss. */
  variantsFound: number | null;
  anonymousStatements: number;
  /** Unnamed sources' statements whose sentences are all anonymous with no speaker, and in no named speaker's answer. */
  anonymousKept: number | null;
  distinctPairs: number;
  /** Pairs shown as two results, neither listed among the other's reports. */
  distinctKept: number | null;
  /** Of the multi-report statements shown exactly once: the shown result is from the earliest article carrying it. */
  earliestShown: number | null;
  misses: CoverageMiss[];
}

/** Reads and checks a coverage gold file. */
export function readCoverageGold(path: string): CoverageGold {
  const gold = JSON.parse(readFileSync(path, 'utf8')) as Partial<CoverageGold>;
  if (!Array.isArray(gold.statements)) throw new Error(`${path}: no "statements" list`);
  const ids = new Set<string>();
  for (const s of gold.statements) {
    if (typeof s.id !== 'string' || ids.has(s.id)) throw new Error(`${path}: a statement without a unique id`);
    ids.add(s.id);
    if (!Array.isArray(s.reports) || s.reports.length === 0) throw new Error(`${path}: ${s.id} has no reports`);
    s.variants ??= [];
    if (s.anonymous && s.speaker !== null) throw new Error(`${path}: ${s.id} is anonymous but names a speaker`);
    if (!s.anonymous && typeof s.speaker !== 'string') throw new Error(`${path}: ${s.id} has no speaker`);
  }
  const distinct = gold.distinct ?? [];
  for (const pair of distinct) {
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((id) => ids.has(id))) throw new Error(`${path}: distinct pair ${JSON.stringify(pair)} names an unknown statement`);
  }
  return { statements: gold.statements, distinct };
}

/** Scores the set in `dir` (its `corpus/` against its `gold.json`). */
export function scoreCoverageSet(dir: string, name = dir): CoverageScores {
  return scoreCoverage(join(dir, 'corpus'), readCoverageGold(join(dir, 'gold.json')), name);
}

/** The sentence text as the gold and the answers are compared: quotation marks, dashes, spaces and case normalised. */
const norm = (text: string) => normMatch(text);

/** A result or stored sentence is a gold sentence when it is in the same file and one text holds the other (segmentation may differ). */
function sameSentence(file: string, text: string, gold: CoverageSentence): boolean {
  if (file !== gold.file) return false;
  const a = norm(text);
  const b = norm(gold.text);
  return a === b || (a.length > 0 && b.includes(a)) || a.includes(b);
}

const sentencesOf = (s: CoverageStatement) => [...s.reports, ...s.variants];
const short = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}...` : text);

export function scoreCoverage(corpusDir: string, gold: CoverageGold, name = corpusDir): CoverageScores {
  const verbatim = Verbatim.fromFolder(corpusDir);
  const { index } = verbatim;
  const root = resolve(corpusDir);
  // Files as the gold names them: relative to the corpus folder.
  const fileOf = (sourceFile: string) => relative(root, resolve(sourceFile)).split(sep).join('/');
  const published = new Map<string, string | null>();
  for (const article of index.articles) published.set(fileOf(article.file), article.meta.published);

  // Every stored sentence as an answer would give it: for unnamed sources, and to say where a missed statement went.
  const stored: { file: string; result: AnswerResult }[] = [];
  for (let id = 0; id < index.sentenceCount; id++) {
    const sentence = index.sentence(id);
    const article = sentence && index.articles.get(sentence.article);
    if (sentence && article) stored.push({ file: fileOf(article.file), result: resultOf(index, sentence, 0) });
  }
  const storedAs = (g: CoverageSentence) => stored.filter((s) => sameSentence(s.file, s.result.text, g));
  const describe = (g: CoverageSentence) => {
    const found = storedAs(g);
    if (found.length === 0) return `"${short(g.text)}" (${g.file}) is not a sentence of the index`;
    return found.map(({ result: r }) => `"${short(r.text)}" is ${r.anonymous ? 'an unnamed source' : r.speaker ? `given to ${r.speaker}` : 'given to nobody'}`).join('; ');
  };

  // Each speaker's whole answer, page by page.
  const answers = new Map<string, { speaker: string | null; results: AnswerResult[] }>();
  const answerOf = (speaker: string) => {
    let answer = answers.get(speaker);
    if (!answer) {
      const first = verbatim.quotes(speaker, '', MAX_LIMIT);
      const results = [...first.results];
      for (let offset = results.length; offset < first.total && results.length > 0; offset = results.length) {
        const page = verbatim.quotes(speaker, '', MAX_LIMIT, offset).results;
        if (page.length === 0) break;
        results.push(...page);
      }
      answer = { speaker: first.speaker, results };
      answers.set(speaker, answer);
    }
    return answer;
  };

  const misses: CoverageMiss[] = [];
  const miss = (measure: CoverageMiss['measure'], statement: string, detail: string) => misses.push({ measure, statement, detail });
  const fraction = (hit: number, of: number) => (of === 0 ? null : hit / of);
  const byId = new Map(gold.statements.map((s) => [s.id, s]));

  // The results that show a statement: in its speaker's answer, or for an unnamed source in the answer to its own words.
  const shownFor = new Map<string, AnswerResult[]>();
  const resultsFor = (s: CoverageStatement): AnswerResult[] => {
    let shown = shownFor.get(s.id);
    if (!shown) {
      const results = s.speaker !== null ? answerOf(s.speaker).results : verbatim.ask(s.reports[0]?.text ?? '', 20).results;
      shown = results.filter((r) => sentencesOf(s).some((g) => sameSentence(fileOf(r.source.file), r.text, g)));
      shownFor.set(s.id, shown);
    }
    return shown;
  };
  const listed = (r: AnswerResult, g: CoverageSentence) =>
    fileOf(r.source.file) === g.file || r.alsoIn.some((a) => fileOf(a.file) === g.file) || r.variants.some((v) => sameSentence(fileOf(v.source.file), v.text, g));
  const shownText = (results: AnswerResult[]) => results.map((r) => `"${short(r.text)}" (${fileOf(r.source.file)}; alsoIn ${r.alsoIn.map((a) => fileOf(a.file)).join(', ') || 'none'}; variants ${r.variants.map((v) => fileOf(v.source.file)).join(', ') || 'none'})`).join(' | ');

  // Found: a named statement is in its speaker's answer.
  let named = 0;
  let found = 0;
  for (const s of gold.statements) {
    if (s.speaker === null) continue;
    named++;
    const answer = answerOf(s.speaker);
    if (!answer.speaker || !sameName(answer.speaker, s.speaker)) {
      miss('found', s.id, `"${s.speaker}" is answered as ${answer.speaker ?? 'nobody known'}`);
      continue;
    }
    if (resultsFor(s).length > 0) found++;
    else miss('found', s.id, `not in ${s.speaker}'s answer: ${s.reports.map(describe).join('; ')}`);
  }

  // Grouped, and the earliest report shown.
  const multi = gold.statements.filter((s) => new Set(sentencesOf(s).map((g) => g.file)).size >= 2);
  let grouped = 0;
  let once = 0;
  let earliest = 0;
  for (const s of multi) {
    const shown = resultsFor(s);
    if (shown.length !== 1) {
      miss('grouped', s.id, shown.length === 0 ? `not shown: ${s.reports.map(describe).join('; ')}` : `shown ${shown.length} times: ${shownText(shown)}`);
      continue;
    }
    once++;
    const [result] = shown as [AnswerResult];
    const own = fileOf(result.source.file);
    const missing = s.reports.filter((g) => g.file !== own && !result.alsoIn.some((a) => fileOf(a.file) === g.file));
    if (missing.length === 0) grouped++;
    else miss('grouped', s.id, `shown once as ${shownText(shown)}, but not in alsoIn: ${missing.map((g) => `${g.file} "${short(g.text)}"${result.variants.some((v) => sameSentence(fileOf(v.source.file), v.text, g)) ? ' (listed as a variant)' : ''}`).join('; ')}`);
    const dates = sentencesOf(s).map((g) => published.get(g.file) ?? null).filter((d): d is string => d !== null).sort();
    const oldest = dates[0] ?? null;
    if (oldest === null || published.get(own) === oldest) earliest++;
    else miss('earliestShown', s.id, `shown by ${own} (${published.get(own) ?? 'undated'}), earliest is ${oldest}`);
  }

  // Variants: listed with the shown result.
  let variantCount = 0;
  let variantsFound = 0;
  for (const s of gold.statements) {
    for (const v of s.variants) {
      variantCount++;
      const shown = resultsFor(s);
      // The result that shows the statement's reports (a variant shown on its own is a miss, not the statement's result).
      const main = shown.filter((r) => s.reports.some((g) => sameSentence(fileOf(r.source.file), r.text, g)));
      const holder = main[0] ?? (shown.length === 1 ? shown[0] : undefined);
      if (holder && listed(holder, v) && !(main.length > 0 && shown.some((r) => !main.includes(r) && sameSentence(fileOf(r.source.file), r.text, v)))) variantsFound++;
      else {
        const separate = shown.filter((r) => sameSentence(fileOf(r.source.file), r.text, v));
        miss('variantsFound', s.id, `${v.file} "${short(v.text)}": ${separate.length > 0 ? `shown as a result of its own: ${shownText(separate)}` : `not listed; ${describe(v)}`}${holder ? `; the statement is shown as ${shownText([holder])}` : ''}`);
      }
    }
  }

  // Unnamed sources: anonymous, no speaker, and in no named speaker's answer.
  const anonymous = gold.statements.filter((s) => s.anonymous);
  const everyone = index.speakers.speakers.map((sp) => sp.name);
  let kept = 0;
  for (const s of anonymous) {
    const problems: string[] = [];
    for (const g of s.reports) {
      const found = storedAs(g);
      if (found.length === 0) problems.push(`"${short(g.text)}" is not a sentence of the index`);
      for (const { result: r } of found) if (!r.anonymous || r.speaker !== null) problems.push(`"${short(r.text)}" (${g.file}) is ${r.speaker ? `given to ${r.speaker}` : `not marked anonymous (no speaker, quote ${r.quote ?? 'none'})`}`);
    }
    for (const speaker of everyone) {
      const results = answerOf(speaker).results;
      for (const g of s.reports) {
        if (results.some((r) => sameSentence(fileOf(r.source.file), r.text, g) || r.variants.some((v) => sameSentence(fileOf(v.source.file), v.text, g)))) {
          problems.push(`"${short(g.text)}" is in ${speaker}'s answer`);
        }
      }
    }
    if (problems.length === 0) kept++;
    else miss('anonymousKept', s.id, [...new Set(problems)].join('; '));
  }

  // Distinct pairs: two results, neither carrying the other.
  let distinctKept = 0;
  for (const [a, b] of gold.distinct) {
    const x = byId.get(a) as CoverageStatement;
    const y = byId.get(b) as CoverageStatement;
    const shownX = resultsFor(x);
    const shownY = resultsFor(y);
    const carries = (results: AnswerResult[], other: CoverageStatement, own: CoverageStatement) =>
      results.some((r) => sentencesOf(other).some((g) => r.variants.some((v) => sameSentence(fileOf(v.source.file), v.text, g)) || (r.alsoIn.some((f) => fileOf(f.file) === g.file) && !sentencesOf(own).some((o) => o.file === g.file))));
    const both = shownX.filter((r) => shownY.includes(r));
    if (shownX.length > 0 && shownY.length > 0 && both.length === 0 && !carries(shownX, y, x) && !carries(shownY, x, y)) distinctKept++;
    else miss('distinctKept', `${a}/${b}`, `${a}: ${shownText(shownX) || 'not shown'} || ${b}: ${shownText(shownY) || 'not shown'}`);
  }

  return {
    set: name,
    statements: gold.statements.length,
    found: fraction(found, named),
    multiReport: multi.length,
    grouped: fraction(grouped, multi.length),
    variants: variantCount,
    variantsFound: fraction(variantsFound, variantCount),
    anonymousStatements: anonymous.length,
    anonymousKept: fraction(kept, anonymous.length),
    distinctPairs: gold.distinct.length,
    distinctKept: fraction(distinctKept, gold.distinct.length),
    earliestShown: fraction(earliest, once),
    misses,
  };
}

const fixed = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

/** The figures as a small table, and each miss on its own line below it. */
export function coverageTable(scores: CoverageScores, withMisses = true): string {
  const header = ['coverage set', 'statements', 'found', 'grouped', 'variantsFound', 'anonymousKept', 'distinctKept', 'earliestShown'];
  const row = [
    scores.set, String(scores.statements), fixed(scores.found), `${fixed(scores.grouped)} (${scores.multiReport})`,
    `${fixed(scores.variantsFound)} (${scores.variants})`, `${fixed(scores.anonymousKept)} (${scores.anonymousStatements})`,
    `${fixed(scores.distinctKept)} (${scores.distinctPairs})`, fixed(scores.earliestShown),
  ];
  const widths = header.map((h, i) => Math.max(h.length, (row[i] ?? '').length));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const lines = [line(header), line(widths.map((w) => '-'.repeat(w))), line(row)];
  if (withMisses && scores.misses.length > 0) lines.push('', ...scores.misses.map((m) => `miss ${m.measure} ${m.statement}: ${m.detail}`));
  return lines.join('\n');
}
