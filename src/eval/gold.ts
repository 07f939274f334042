import { readFileSync } from 'node:fs';

/** One sentence that reports a speaker's statement (format of shared/eval/polnear-dev/gold.json). */
export interface GoldItem {
  file: string;
  paragraph?: number;
  match: string;
  quote?: string;
  strict: boolean;
  viaCoref?: boolean;
  speech?: boolean;
}

export interface GoldSpeaker {
  name: string;
  surname: string;
  forms?: string[];
  items: GoldItem[];
}

/** A question whose `matches` must come back in the top 3 (our extension of the format). */
export interface GoldQuestion {
  question: string;
  speaker: string | null;
  matches: string[];
}

/** A person who is named but never speaks, or nobody at all: the answer must be empty. */
export interface GoldMentionOnly {
  question: string;
  speaker: string | null;
}

export interface Gold {
  speakers: GoldSpeaker[];
  unknownSpeakerSentences: { file: string; match: string }[];
  questions: GoldQuestion[];
  mentionOnly: GoldMentionOnly[];
  /** Speakers with at least this many strict items are asked about (PolNeAR README: 2). */
  minStrict: number;
}

export function readGold(path: string): Gold {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<Gold>;
  if (!Array.isArray(data.speakers)) throw new Error(`${path}: no "speakers" list`);
  return {
    speakers: data.speakers,
    unknownSpeakerSentences: data.unknownSpeakerSentences ?? [],
    questions: data.questions ?? [],
    mentionOnly: data.mentionOnly ?? [],
    minStrict: data.minStrict ?? 2,
  };
}

/**
 * The PolNeAR README's normalisation: NFKC, quotation marks and apostrophes removed, dashes and
 * whitespace normalised, lower case. An item matches a sentence whose normal form contains its own.
 */
export function normMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/["'“”‘’«»„‟‚‛`´]/g, '')
    .replace(/[\u2010-\u2015\u2212-]+/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();
}

const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;

/**
 * Same person by the README's rule: equal surnames, compatible first names (equal, or one an
 * initial or a prefix of the other: Bill and Hillary Clinton differ), and equal suffixes.
 */
export function sameName(a: string, b: string): boolean {
  const pa = nameParts(a);
  const pb = nameParts(b);
  if (pa.surname !== pb.surname || pa.suffix !== pb.suffix) return false;
  if (!pa.first || !pb.first) return true;
  return pa.first === pb.first || pa.first.startsWith(pb.first) || pb.first.startsWith(pa.first);
}

function nameParts(name: string): { first: string; surname: string; suffix: string } {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[,]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const suffix = words.filter((w) => SUFFIX.test(w)).map((w) => w.replace(/\.$/, '')).join(' ');
  const core = words.filter((w) => !SUFFIX.test(w) && !/^(mr|mrs|ms|dr)\.?$/.test(w));
  const surname = core[core.length - 1] ?? '';
  const first = core.length > 1 ? (core[0] ?? '').replace(/\.$/, '') : '';
  return { first, surname, suffix };
}
