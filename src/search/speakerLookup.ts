import type { Speaker } from './speakers.js';
import { coreNameWords } from '../attribution/names.js';
import { editDistance, foldWord, words } from './terms.js';

/** How surely a form names one person: a full name beats a surname, which beats a role. */
const enum FormKind {
  Role = 0,
  FirstName = 1,
  Surname = 2,
  FullName = 3,
}

interface FormEntry {
  speakers: Set<number>;
  kind: FormKind;
}

export interface SpeakerMatch {
  speaker: Speaker;
  /** Word positions in the question that named the speaker. */
  from: number;
  to: number;
  fuzzy: boolean;
}

// Names of at least this many letters may carry one typo (one edit, or two swapped letters).
const MIN_FUZZY_LENGTH = 5;
const MAX_FORM_WORDS = 6;

/** Finds the corpus speaker a question names, by any name form or role, in any case, with one typo. */
export class SpeakerLookup {
  private readonly forms = new Map<string, FormEntry>();

  constructor(private readonly speakers: readonly Speaker[]) {
    for (const speaker of speakers) {
      for (const form of speaker.forms) this.add(form, FormKind.FullName, speaker.id);
      const core = coreNameWords(speaker.name.split(' '));
      if (core.length >= 2) this.add(`${core[0]} ${core[core.length - 1]}`, FormKind.FullName, speaker.id);
      this.add(speaker.surname, FormKind.Surname, speaker.id);
      if (core.length >= 2) this.add(core[0] ?? '', FormKind.FirstName, speaker.id);
      for (const role of speaker.roles) this.add(role, FormKind.Role, speaker.id);
    }
  }

  private add(form: string, kind: FormKind, id: number): void {
    const key = foldForm(form);
    if (!key) return;
    // A one-word form is a surname or a first name, whatever form it came from.
    const effective = kind === FormKind.FullName && !key.includes(' ') ? FormKind.Surname : kind;
    const entry = this.forms.get(key);
    if (!entry) this.forms.set(key, { speakers: new Set([id]), kind: effective });
    else {
      entry.speakers.add(id);
      entry.kind = Math.max(entry.kind, effective);
    }
  }

  /** The best speaker named by the question's words, or null. `skip` marks words that cannot be names. */
  find(questionWords: readonly string[], skip: (word: string) => boolean): SpeakerMatch | null {
    const folded = questionWords.map(foldWord);
    return this.findExact(folded, skip) ?? this.findFuzzy(folded, skip);
  }

  private findExact(folded: readonly string[], skip: (word: string) => boolean): SpeakerMatch | null {
    let best: { match: SpeakerMatch; rank: number } | null = null;
    for (let from = 0; from < folded.length; from++) {
      for (let to = Math.min(folded.length, from + MAX_FORM_WORDS); to > from; to--) {
        const phrase = folded.slice(from, to);
        if (phrase.length === 1 && skip(phrase[0] ?? '')) continue;
        const entry = this.forms.get(phrase.join(' '));
        if (!entry) continue;
        const rank = phrase.length * 10 + entry.kind;
        if (!best || rank > best.rank) best = { match: { speaker: this.pick(entry.speakers), from, to, fuzzy: false }, rank };
      }
    }
    return best?.match ?? null;
  }

  private findFuzzy(folded: readonly string[], skip: (word: string) => boolean): SpeakerMatch | null {
    for (let from = 0; from < folded.length; from++) {
      const word = folded[from] ?? '';
      if (word.length < MIN_FUZZY_LENGTH || skip(word)) continue;
      const ids = new Set<number>();
      for (const [form, entry] of this.forms) {
        if (form.includes(' ') || entry.kind === FormKind.Role || form.length < MIN_FUZZY_LENGTH) continue;
        if (editDistance(word, form, 1) <= 1) for (const id of entry.speakers) ids.add(id);
      }
      if (ids.size > 0) return { speaker: this.pick(ids), from, to: from + 1, fuzzy: true };
    }
    return null;
  }

  /** Of several people sharing a form, the one with most statements, then most mentions. */
  private pick(ids: Set<number>): Speaker {
    const candidates = [...ids].map((id) => this.speakers[id]).filter((s): s is Speaker => !!s);
    candidates.sort((a, b) => b.statements - a.statements || b.mentions - a.mentions || a.id - b.id);
    const first = candidates[0];
    if (!first) throw new Error('speaker form without a speaker');
    return first;
  }

  /**
   * Autocomplete: speakers with statements whose name forms start with the input, or have a
   * word that does, or are one typo away; best match first, then most statements.
   */
  complete(input: string, max: number): Speaker[] {
    const wanted = foldForm(input);
    const quoted = this.speakers.filter((s) => s.statements > 0);
    if (!wanted) return [...quoted].sort(byStatements).slice(0, max);
    const scored: { speaker: Speaker; rank: number }[] = [];
    for (const speaker of quoted) {
      const rank = completionRank(wanted, [speaker.name, ...speaker.forms].map(foldForm));
      if (rank !== null) scored.push({ speaker, rank });
    }
    scored.sort((a, b) => a.rank - b.rank || byStatements(a.speaker, b.speaker));
    return scored.slice(0, max).map((s) => s.speaker);
  }

  /** Speakers whose names are closest to `text`, best first: for "did you mean". */
  closest(text: string, count: number): Speaker[] {
    const wanted = foldForm(text);
    const scored = this.speakers
      .filter((s) => s.statements > 0)
      .map((s) => ({ s, d: nameDistance(wanted, s) }))
      .sort((a, b) => a.d - b.d || b.s.statements - a.s.statements);
    return scored.slice(0, count).map((x) => x.s);
  }
}

function byStatements(a: Speaker, b: Speaker): number {
  return b.statements - a.statements || a.name.localeCompare(b.name);
}

/** 0: a form starts with the input; 1: a word of a form does; 2: one typo away; null: no match. */
function completionRank(wanted: string, forms: string[]): number | null {
  if (forms.some((f) => f.startsWith(wanted))) return 0;
  if (forms.some((f) => f.split(' ').some((w) => w.startsWith(wanted)))) return 1;
  if (wanted.length >= MIN_FUZZY_LENGTH) {
    const typo = forms.some((f) => f.split(' ').some((w) => editDistance(wanted, w.slice(0, wanted.length + 1), 1) <= 1 || editDistance(wanted, w, 1) <= 1));
    if (typo) return 2;
  }
  return null;
}

function foldForm(form: string): string {
  return words(form).map(foldWord).join(' ');
}

function nameDistance(wanted: string, speaker: Speaker): number {
  const candidates = [foldForm(speaker.name), foldForm(speaker.surname)];
  return Math.min(...candidates.map((c) => editDistance(wanted, c, 8)));
}
