import { relative } from 'node:path';
import type { Gold, GoldItem } from './gold.js';
import { normMatch, sameName } from './gold.js';

/** What the metrics need of one answer: its speaker and its results, best first. */
export interface EvalAnswer {
  speaker: string | null;
  results: { text: string; speaker: string | null; file: string }[];
}

export type Answerer = (question: string, limit: number) => EvalAnswer;

export interface Scores {
  questions: number;
  precisionAt5: number;
  recallAt10: number;
  /** Null when no returned result both names a speaker and matches gold. */
  attributionAccuracy: number | null;
  attributed: number;
  recognized: number;
  topicRecallAt3: number | null;
  /**
   * Recall@10 of the items whose source the text names only by a pronoun or a title (PolNeAR's
   * viaCoref), as recall@10 is of strict items: found in the top 10 over min(10, their count),
   * averaged over the asked speakers that have any. Null when none has.
   */
  corefRecallAt10: number | null;
  mentionOnlyRight: number | null;
}

interface IndexedItem {
  speaker: string;
  item: GoldItem;
  file: string;
  match: string;
}

/** Scores an answerer against a gold file, as the PolNeAR README defines the metrics. */
export function score(gold: Gold, corpusDir: string, answer: Answerer): Scores {
  const items: IndexedItem[] = gold.speakers.flatMap((s) =>
    s.items.map((item) => ({ speaker: s.name, item, file: item.file, match: normMatch(item.match) })),
  );
  const unknown = gold.unknownSpeakerSentences.map((u) => ({ file: u.file, match: normMatch(u.match) }));
  const fileOf = (file: string) => relative(corpusDir, file).split('\\').join('/');
  const matches = (text: string, file: string, target: { file: string; match: string }) =>
    fileOf(file) === target.file && normMatch(text).includes(target.match);

  let precision = 0;
  let recall = 0;
  let recognized = 0;
  let attributed = 0;
  let attributedRight = 0;
  let coref = 0;
  let corefSpeakers = 0;
  const asked = gold.speakers.filter((s) => s.items.filter((i) => i.strict).length >= gold.minStrict);
  for (const speaker of asked) {
    const reply = answer(`what did ${speaker.name} say`, 10);
    if (reply.speaker && sameName(reply.speaker, speaker.name)) recognized++;
    const own = items.filter((i) => i.speaker === speaker.name);
    // Precision leaves out results that report someone the gold cannot name.
    const top = reply.results
      .slice(0, 5)
      .filter((r) => !unknown.some((u) => matches(r.text, r.file, u)) || own.some((i) => matches(r.text, r.file, i)));
    const hits = top.filter((r) => own.some((i) => matches(r.text, r.file, i))).length;
    precision += top.length === 0 ? 0 : hits / top.length;
    const strict = own.filter((i) => i.item.strict);
    const found = strict.filter((i) => reply.results.slice(0, 10).some((r) => matches(r.text, r.file, i))).length;
    recall += found / Math.min(10, strict.length);
    const viaCoref = own.filter((i) => i.item.viaCoref);
    if (viaCoref.length > 0) {
      corefSpeakers++;
      coref += viaCoref.filter((i) => reply.results.slice(0, 10).some((r) => matches(r.text, r.file, i))).length / Math.min(10, viaCoref.length);
    }
    for (const result of reply.results) {
      if (!result.speaker) continue;
      const gold = items.filter((i) => matches(result.text, result.file, i));
      if (gold.length === 0) continue;
      attributed++;
      if (gold.some((g) => sameName(g.speaker, result.speaker ?? ''))) attributedRight++;
    }
  }
  const n = asked.length;
  return {
    questions: n,
    precisionAt5: n === 0 ? 0 : precision / n,
    recallAt10: n === 0 ? 0 : recall / n,
    attributionAccuracy: attributed === 0 ? null : attributedRight / attributed,
    attributed,
    recognized: n === 0 ? 0 : recognized / n,
    corefRecallAt10: corefSpeakers === 0 ? null : coref / corefSpeakers,
    topicRecallAt3: topicRecall(gold, answer, matchesAnyFile),
    mentionOnlyRight: mentionOnly(gold, answer),
  };
}

function matchesAnyFile(text: string, match: string): boolean {
  return normMatch(text).includes(normMatch(match));
}

/** For each question: the share of its expected sentences in the top 3. */
function topicRecall(gold: Gold, answer: Answerer, matches: (text: string, match: string) => boolean): number | null {
  if (gold.questions.length === 0) return null;
  let total = 0;
  for (const q of gold.questions) {
    const top = answer(q.question, 3).results;
    const found = q.matches.filter((m) => top.some((r) => matches(r.text, m))).length;
    total += found / Math.min(3, q.matches.length);
  }
  return total / gold.questions.length;
}

/** People who never speak (or do not exist) must get an empty answer. */
function mentionOnly(gold: Gold, answer: Answerer): number | null {
  if (gold.mentionOnly.length === 0) return null;
  const right = gold.mentionOnly.filter((q) => answer(q.question, 10).results.length === 0).length;
  return right / gold.mentionOnly.length;
}
