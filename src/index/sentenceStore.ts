import type { QuoteKind } from '../attribution/attribute.js';
import { seek } from './seek.js';

/** The store as plain arrays: article text as UTF-8, each sentence a byte range and its attribution. */
export interface SentenceStoreData {
  /** Every article's body, UTF-8, one after the other. */
  text: Uint8Array;
  /** Byte where each article's body starts; one more entry marks the end. */
  articleStarts: Uint32Array;
  article: Uint32Array;
  /** Byte offsets into `text`. */
  start: Uint32Array;
  end: Uint32Array;
  paragraph: Uint32Array;
  /** Speaker id, -1 for none, or UNNAMED_SOURCE (-2) for a source the article does not name. */
  speaker: Int32Array;
  /** 0 none, 1 direct, 2 indirect. */
  quote: Uint8Array;
  /** Confidence in hundredths. */
  confidence: Uint8Array;
  /** Index into `cues`, or 0 for none. */
  cue: Uint16Array;
  /** FNV-1a of the sentence in lower case with whitespace collapsed: finds wire copies without decoding. */
  textHash: Uint32Array;
  /** The first sentence with the same text (a wire copy), or -1 for the first of its text. */
  copyOf: Int32Array;
  /** Wire copies by text: copyGroups[i] is the first sentence of a text, copyMembers[i] a later copy of it; sorted by group. */
  copyGroups: Uint32Array;
  copyMembers: Uint32Array;
  /** Statements grouped by speaker: speaker s's ids are bySpeaker[bySpeakerStarts[s] .. bySpeakerStarts[s + 1]). */
  bySpeakerStarts: Uint32Array;
  bySpeaker: Uint32Array;
  /** A hash of the quoted words of a named person's quotation (statements/quotedWords.ts), 0 for none. */
  quoteKey: Uint32Array;
  /** Reports of one statement (statements/group.ts): the earliest report, or -1 for that report and for a statement reported once. */
  statementOf: Int32Array;
  /** Like copyGroups/copyMembers, for statements: the earliest report, and a later report of it; sorted by the first. */
  statementGroups: Uint32Array;
  statementMembers: Uint32Array;
  cues: string[];
}

/** The copy lists of a store (see copyGroups), from its copyOf links: only sentences with copies take room. */
export function listCopies(copyOf: Int32Array): { copyGroups: Uint32Array; copyMembers: Uint32Array } {
  const { groups, members } = listLinks(copyOf);
  return { copyGroups: groups, copyMembers: members };
}

/** The statement lists of a store (see statementGroups), from its statementOf links. */
export function listStatements(statementOf: Int32Array): { statementGroups: Uint32Array; statementMembers: Uint32Array } {
  const { groups, members } = listLinks(statementOf);
  return { statementGroups: groups, statementMembers: members };
}

function listLinks(links: Int32Array): { groups: Uint32Array; members: Uint32Array } {
  const members: number[] = [];
  for (let id = 0; id < links.length; id++) if ((links[id] as number) >= 0) members.push(id);
  members.sort((a, b) => (links[a] as number) - (links[b] as number) || a - b);
  return { groups: Uint32Array.from(members, (id) => links[id] as number), members: Uint32Array.from(members) };
}

/**
 * Groups sentence ids by speaker (`speakers` of them), in corpus order: a count, then a place,
 * in typed arrays, with no array per speaker. Done where the index is built, so that putting an
 * index in service costs no pass over its sentences.
 */
export function groupBySpeaker(speaker: Int32Array, speakers: number, joint: readonly [number, number][] = []): { bySpeakerStarts: Uint32Array; bySpeaker: Uint32Array } {
  const starts = new Uint32Array(speakers + 1);
  for (const who of speaker) if (who >= 0 && who < speakers) starts[who + 1]!++;
  const others = joint.filter(([id, who]) => who >= 0 && who < speakers && speaker[id] !== who);
  for (const [, who] of others) starts[who + 1]!++;
  for (let s = 0; s < speakers; s++) starts[s + 1] = (starts[s + 1] as number) + (starts[s] as number);
  const ids = new Uint32Array(starts[speakers] as number);
  const next = starts.slice(0, speakers);
  for (let id = 0; id < speaker.length; id++) {
    const who = speaker[id] as number;
    if (who >= 0 && who < speakers) ids[next[who]!++] = id;
  }
  // A joint statement is also each other speaker's: placed, then that speaker's list put back in corpus order.
  const touched = new Set<number>();
  for (const [id, who] of others) {
    ids[next[who]!++] = id;
    touched.add(who);
  }
  for (const who of touched) ids.subarray(starts[who], starts[who + 1]).sort();
  return { bySpeakerStarts: starts, bySpeaker: ids };
}

/** One sentence, as the rest of the code reads it. Offsets are bytes within its article. */
export interface StoredSentence {
  id: number;
  article: number;
  paragraph: number;
  start: number;
  end: number;
  speaker: number | null;
  /** Said by a source the article does not name ("an official said"); speaker is then null. */
  anonymous: boolean;
  quote: QuoteKind | null;
  confidence: number;
  cue: string | null;
}

const QUOTES: (QuoteKind | null)[] = [null, 'direct', 'indirect'];

/** The speaker code of a statement by a source the article does not name; -1 is no speaker. */
export const UNNAMED_SOURCE = -2;
const decoder = new TextDecoder();

/**
 * The sentence store: about 30 bytes a sentence plus the article text once, in typed arrays.
 * A sentence's text is always decoded from its article's own bytes, so it is verbatim by construction.
 */
export class SentenceStore {
  constructor(readonly data: SentenceStoreData) {}

  get count(): number {
    return this.data.article.length;
  }

  /** The ids of one speaker's statements, in corpus order. */
  statementsOf(speakerId: number): Uint32Array {
    const { bySpeaker, bySpeakerStarts } = this.data;
    return bySpeaker.subarray(bySpeakerStarts[speakerId] ?? 0, bySpeakerStarts[speakerId + 1] ?? 0);
  }

  get(id: number): StoredSentence | undefined {
    const d = this.data;
    if (id < 0 || id >= this.count) return undefined;
    const article = d.article[id] as number;
    const base = d.articleStarts[article] as number;
    const speaker = d.speaker[id] as number;
    const cue = d.cue[id] as number;
    return {
      id, article, paragraph: d.paragraph[id] as number, start: (d.start[id] as number) - base, end: (d.end[id] as number) - base,
      speaker: speaker < 0 ? null : speaker, anonymous: speaker === UNNAMED_SOURCE, quote: QUOTES[d.quote[id] as number] ?? null,
      confidence: (d.confidence[id] as number) / 100, cue: cue === 0 ? null : d.cues[cue] ?? null,
    };
  }

  text(id: number): string {
    return decoder.decode(this.data.text.subarray(this.data.start[id], this.data.end[id]));
  }

  articleText(article: number): string {
    return decoder.decode(this.data.text.subarray(this.data.articleStarts[article], this.data.articleStarts[article + 1]));
  }

  confidence(id: number): number {
    return (this.data.confidence[id] ?? 0) / 100;
  }

  /** Same hash, and the same text once decoded: the same sentence. */
  sameText(a: number, b: number): boolean {
    return this.data.textHash[a] === this.data.textHash[b] && normalize(this.text(a)) === normalize(this.text(b));
  }

  /** Every other sentence with this sentence's text (wire copies in other articles), in corpus order. */
  copiesOf(id: number): number[] {
    const group = this.group(id);
    const { copyGroups, copyMembers } = this.data;
    const all = [group];
    for (let i = seek(copyGroups, 0, copyGroups.length, group); i < copyGroups.length && copyGroups[i] === group; i++) all.push(copyMembers[i] as number);
    return all.filter((other) => other !== id);
  }

  /** The statement this sentence reports: the id of its earliest report. */
  statement(id: number): number {
    const first = this.data.statementOf[id] as number;
    return first < 0 ? id : first;
  }

  /** Every report of a statement (given by its earliest report), that one first, then in corpus order. */
  reportsOf(statement: number): number[] {
    const { statementGroups, statementMembers } = this.data;
    const all = [statement];
    for (let i = seek(statementGroups, 0, statementGroups.length, statement); i < statementGroups.length && statementGroups[i] === statement; i++) all.push(statementMembers[i] as number);
    return all;
  }

  /** The id standing for all copies of this sentence's text. */
  group(id: number): number {
    const first = this.data.copyOf[id] as number;
    return first < 0 ? id : first;
  }
}

/** UTF-8 byte offsets of ascending character offsets, in one pass over the string. */
export function utf8Offsets(text: string, positions: readonly number[]): number[] {
  const out: number[] = [];
  let bytes = 0;
  let char = 0;
  for (const position of positions) {
    while (char < position) {
      const code = text.charCodeAt(char);
      if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else if (code >= 0xd800 && code <= 0xdbff && char + 1 < text.length) {
        bytes += 4;
        char++;
      } else bytes += 3;
      char++;
    }
    out.push(bytes);
  }
  return out;
}

/** The hash that finds wire copies: FNV-1a of the text in lower case with whitespace collapsed. */
export function sentenceHash(text: string): number {
  // FNV-1a over the text as `normalize` would give it, without building that string: a build
  // hashes every sentence. Characters are lower-cased one at a time, which differs from
  // lower-casing the whole string only for Greek final sigma (then a copy is merely not merged).
  let hash = 0x811c9dc5;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (isSpace(code)) {
      space = true;
      continue;
    }
    if (space) {
      hash = Math.imul(hash ^ 32, 0x01000193);
      space = false;
    }
    if (code >= 65 && code <= 90) code += 32;
    else if (code > 127) {
      const lower = text[i]?.toLowerCase() ?? '';
      for (let k = 0; k < lower.length - 1; k++) hash = Math.imul(hash ^ lower.charCodeAt(k), 0x01000193);
      code = lower.charCodeAt(lower.length - 1);
    }
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  if (space) hash = Math.imul(hash ^ 32, 0x01000193);
  return hash >>> 0;
}

/** Whitespace as /\s/ sees it. */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 128) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}
