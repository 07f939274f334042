import type { Article } from '../corpus/types.js';
import { segmentParagraphs, segmentSentences, type ParagraphSpan, type SentenceSpan } from '../text/segment.js';
import { findQuoteSpans, type QuoteSpan } from '../text/quotes.js';
import { tokenize, type Token } from './tokens.js';
import { findNameRuns, coreNameWords, isParticle, type NameRun } from './names.js';
import { ArticlePeople, type ArticlePerson } from './people.js';
import { findCues, type CueMatch } from './cues.js';
import { GENDERED_ROLES, HONORIFICS, ROLE_NOUNS, TITLE_WORDS, UNNAMED_PEOPLE } from './lexicon.js';
import { roleFromTitle, roleFromWords } from './roles.js';

export type QuoteKind = 'direct' | 'indirect';

/** How an attribution was reached; it sets the confidence and explains the answer. */
export type AttributionVia = 'name' | 'according-to' | 'participle' | 'coordinated' | 'role' | 'pronoun' | 'quote' | 'follow-up' | 'anonymous';

export interface Attribution {
  /** The named person, or null for an anonymous or organisational source. */
  person: ArticlePerson | null;
  cue: string;
  quote: QuoteKind;
  confidence: number;
  via: AttributionVia;
  /** A person or people the article does not name ("an official said", "according to people familiar with the talks"); person is null. */
  anonymous: boolean;
  /** Others named as saying it together with `person` ("Marwood and Osk said"): it is a statement of each. */
  others?: ArticlePerson[];
}

export interface AnalyzedSentence {
  span: SentenceSpan;
  text: string;
  attribution: Attribution | null;
}

export interface AnalyzedArticle {
  article: Article;
  paragraphs: ParagraphSpan[];
  sentences: AnalyzedSentence[];
  people: ArticlePerson[];
}

// Confidence by route: an explicit named cue is the surest; every inference costs some.
const CONFIDENCE: Record<AttributionVia, number> = {
  name: 0.95, 'according-to': 0.9, participle: 0.8, coordinated: 0.75, role: 0.75, pronoun: 0.7,
  quote: 0.9, 'follow-up': 0.6, anonymous: 0.5,
};
const INDIRECT_PENALTY = 0.05;
// A sentence at least this much inside quotation marks is a direct quote in its own right.
const MOSTLY_QUOTED = 0.5;

interface SentenceWork {
  span: SentenceSpan;
  tokens: Token[];
  runs: NameRun[];
  quotedRatio: number;
  attribution: Attribution | null;
  /** The attribution's cue sits right beside a quote: those quote groups are the speaker's. */
  ownsGroups: number[];
}

/** Segments an article and attributes every sentence to whoever it reports as speaking. */
export function analyzeArticle(article: Article): AnalyzedArticle {
  const { body } = article;
  const paragraphs = segmentParagraphs(body);
  const quotes = findQuoteSpans(body, paragraphs);
  const work = segmentSentences(body, paragraphs).map((span) => prepareSentence(body, span, quotes));
  dropSentenceOpeners(work, () => lowerCaseWords(body));
  const people = collectPeople(work);
  attributeByCues(work, people, quotes);
  inheritQuoteGroups(work, quotes);
  inheritFollowUps(work);
  return {
    article,
    paragraphs,
    sentences: work.map((w) => ({ span: w.span, text: body.slice(w.span.start, w.span.end), attribution: w.attribution })),
    people: people.all(),
  };
}

// No real sentence is longer: past this, a "sentence" is a run-on page (a list, a table, a
// paragraph without punctuation) and is indexed but not attributed, which keeps analysis linear.
const MAX_ATTRIBUTED_CHARS = 3000;

function prepareSentence(body: string, span: SentenceSpan, quotes: QuoteSpan[]): SentenceWork {
  const tooLong = span.end - span.start > MAX_ATTRIBUTED_CHARS;
  const tokens = tooLong ? [] : tokenize(body, span.start, span.end, quotes);
  return { span, tokens, runs: findNameRuns(tokens), quotedRatio: quotedRatio(tokens), attribution: null, ownsGroups: [] };
}

/** Every word the article writes in lower case somewhere: "Rival", "Unlike" are such words. */
function lowerCaseWords(body: string): Set<string> {
  return new Set(body.match(/(?<![\p{L}'’])\p{Ll}[\p{L}'’-]*/gu) ?? []);
}

/**
 * A sentence's first word is capitalised whatever it is: "Rival Hillary Clinton said". It is
 * dropped from a name when the article also writes it in lower case, and the longer form never
 * appears inside a sentence.
 */
function dropSentenceOpeners(work: SentenceWork[], vocabulary: () => Set<string>): void {
  let common: Set<string> | null = null;
  const inside = new Set<string>();
  for (const sentence of work) {
    for (const run of sentence.runs) if (!opensSentence(sentence.tokens, run.first)) inside.add(run.name.join(' '));
  }
  for (const sentence of work) {
    sentence.runs = sentence.runs.map((run) => {
      const first = run.name[0] ?? '';
      const candidate = run.title.length === 0 && run.name.length >= 2 && opensSentence(sentence.tokens, run.first) && !isParticle(first) &&
        (run.name.length >= 3 || !inside.has(run.name.join(' ')));
      // The article's lower-case vocabulary is collected only when a name opens a sentence.
      const drop = candidate && (common ??= vocabulary()).has(first.toLowerCase());
      return drop ? { ...run, name: run.name.slice(1), first: run.first + 1, nameFirst: run.nameFirst + 1 } : run;
    });
  }
}

function opensSentence(tokens: readonly Token[], at: number): boolean {
  return tokens.slice(0, at).every((t) => t.kind !== 'word');
}

function quotedRatio(tokens: readonly Token[]): number {
  let quoted = 0;
  let all = 0;
  for (const token of tokens) {
    const letters = countLetters(token.text);
    all += letters;
    if (token.kind === 'quote') quoted += letters;
  }
  return all === 0 ? 0 : quoted / all;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Letters and digits in a text; plain ASCII is counted without a regular expression. */
function countLetters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) count++;
    } else if (LETTER_OR_DIGIT.test(text[i] ?? '')) count++;
  }
  return count;
}

/** First the full names (with titles and roles), then one-word mentions and titled surnames. */
function collectPeople(work: readonly SentenceWork[]): ArticlePeople {
  const people = new ArticlePeople();
  for (const sentence of work) {
    for (const run of sentence.runs) {
      const appositiveRole = roleFromWords(appositiveTokens(sentence.tokens, run.last));
      const leftRole = roleFromWords(leftContext(sentence.tokens, run.first)) ?? roleFromWords(roleBeforeComma(sentence.tokens, run.first));
      const person = people.addFullName(run, appositiveRole !== null || leftRole !== null);
      if (!person) continue;
      for (const role of [roleFromTitle(run.title), appositiveRole, leftRole]) {
        if (role) for (const form of role) people.addRole(person, form);
      }
      person.gender ??= genderOfRoles(person.roles);
    }
  }
  for (const sentence of work) {
    for (const run of sentence.runs) {
      if (run.isOrganisation || coreNameWords(run.name).length !== 1) continue;
      people.countMention(run.name[0] ?? '');
    }
  }
  return people;
}

function appositiveTokens(tokens: readonly Token[], last: number): Token[] {
  if (tokens[last + 1]?.text !== ',') return [];
  const out: Token[] = [];
  for (let k = last + 2; k < tokens.length && out.length < 12; k++) {
    const token = tokens[k];
    if (!token || token.kind !== 'word') break;
    out.push(token);
  }
  return out;
}

/** Lower-case words right before a name: "foreign policy adviser Jane Doe". */
function leftContext(tokens: readonly Token[], first: number): Token[] {
  const out: Token[] = [];
  for (let k = first - 1; k >= 0 && out.length < 5; k--) {
    const token = tokens[k];
    if (!token || token.kind !== 'word' || token.capitalized) break;
    out.unshift(token);
  }
  return ROLE_NOUNS.has(out[out.length - 1]?.lower ?? '') ? out : [];
}

/** A role in front of a name set off by a comma: "Brevania’s foreign minister, Idris Kovane". */
function roleBeforeComma(tokens: readonly Token[], first: number): Token[] {
  if (tokens[first - 1]?.text !== ',') return [];
  const out: Token[] = [];
  for (let k = first - 2; k >= 0 && out.length < 5; k--) {
    const token = tokens[k];
    if (!token || token.kind !== 'word' || token.capitalized) break;
    out.unshift(token);
  }
  return ROLE_NOUNS.has(out[out.length - 1]?.lower ?? '') ? out : [];
}

function genderOfRoles(roles: Set<string>): 'm' | 'f' | null {
  for (const role of roles) {
    const gender = GENDERED_ROLES[role.split(' ').pop() ?? ''];
    if (gender) return gender;
  }
  return null;
}

/** A sentence's subject: a person of the article, or a lone name that becomes one only if a pronoun needs it. */
interface SubjectMention {
  person: ArticlePerson | null;
  /** "Marisse declined to comment": a one-word name the article has not yet tied to anyone. */
  loneName: readonly string[] | null;
  paragraph: number;
  sentence: number;
  /** The sentence reports someone as speaking: the subject may not be its speaker. */
  statement: boolean;
}

/** Tracks who was speaking or acting most recently, for "he said" and "the minister added". */
class Salience {
  private lastSpeaker: { person: ArticlePerson; paragraph: number } | null = null;
  private subjects: SubjectMention[] = [];

  constructor(private readonly people: ArticlePeople) {}

  noteSubject(subject: SubjectMention): void {
    this.subjects.push(subject);
  }

  noteSpeaker(person: ArticlePerson, paragraph: number): void {
    this.lastSpeaker = { person, paragraph };
  }

  /**
   * The subject of the sentence just before, when that sentence reports no statement ("Marisse
   * declined to comment. “…,” he said."); else the last speaker if recent, else the most recent
   * sentence subject; each agreeing in gender.
   */
  resolvePronoun(gender: 'm' | 'f', paragraph: number, previousSentence: number): ArticlePerson | null {
    const agrees = (person: ArticlePerson | null) => person === null || person.gender === null || person.gender === gender;
    const near = (s: { paragraph: number }) => paragraph - s.paragraph <= 1;
    const previous = this.subjects[this.subjects.length - 1];
    if (previous && previous.sentence === previousSentence && !previous.statement && near(previous) && agrees(previous.person)) {
      const person = previous.person ?? (previous.loneName ? this.people.addSingleName(previous.loneName, null) : null);
      if (person && agrees(person)) return this.agree(person, gender);
    }
    const candidates = [
      ...(this.lastSpeaker && near(this.lastSpeaker) ? [this.lastSpeaker.person] : []),
      ...this.subjects.filter((s) => near(s) && s.person).reverse().map((s) => s.person as ArticlePerson),
    ];
    const match = candidates.find((c) => agrees(c));
    return match ? this.agree(match, gender) : null;
  }

  private agree(person: ArticlePerson, gender: 'm' | 'f'): ArticlePerson {
    person.gender ??= gender;
    return person;
  }
}

function attributeByCues(work: SentenceWork[], people: ArticlePeople, quotes: QuoteSpan[]): void {
  const salience = new Salience(people);
  for (const [index, sentence] of work.entries()) {
    const paragraph = sentence.span.paragraph;
    people.at(index);
    for (const run of sentence.runs) {
      const person = coreNameWords(run.name).length >= 2 ? people.resolve(run.name) : null;
      if (person) people.noteSeen(person);
      // "Mrs. Clinton" tells the gender of the Hillary Clinton named earlier.
      if (run.gender && !run.isOrganisation) {
        const named = person ?? people.resolve(run.name);
        if (named) named.gender ??= run.gender;
      }
    }
    for (const cue of findCues(sentence.tokens, sentence.runs)) {
      const attribution = resolveCue(cue, sentence, narrativeBefore(work, index), people, salience);
      if (!attribution) continue;
      sentence.attribution = attribution;
      if (attribution.quote === 'direct') sentence.ownsGroups = adjacentQuoteGroups(sentence.tokens, cue, quotes);
      if (attribution.person) salience.noteSpeaker(attribution.person, paragraph);
      break;
    }
    const subject = sentenceSubject(sentence, people);
    if (subject) salience.noteSubject({ ...subject, paragraph, sentence: index, statement: sentence.attribution !== null });
  }
}

// The most quoted sentences read back over to find the sentence a quotation follows.
const MAX_QUOTED_RUN = 3;

/**
 * The sentence before sentence `index`, passing over the earlier sentences of its own quotation:
 * for "We leave as neighbours who do,” she said." after "“We came here as neighbours …", the
 * sentence before the quotation opened.
 */
function narrativeBefore(work: readonly SentenceWork[], index: number): number {
  let k = index - 1;
  for (let skipped = 0; k >= 0 && skipped < MAX_QUOTED_RUN; skipped++, k--) {
    const sentence = work[k];
    if (!sentence || sentence.attribution || sentence.quotedRatio < MOSTLY_QUOTED) break;
  }
  return k;
}

/** `previous` is the sentence index a pronoun's sentence follows (see narrativeBefore). */
function resolveCue(cue: CueMatch, sentence: SentenceWork, previous: number, people: ArticlePeople, salience: Salience): Attribution | null {
  const paragraph = sentence.span.paragraph;
  const direct = isDirect(sentence, cue);
  const make = (person: ArticlePerson | null, via: AttributionVia): Attribution => ({
    person,
    cue: cue.cue,
    quote: direct ? 'direct' : 'indirect',
    confidence: CONFIDENCE[via] - (direct || via === 'anonymous' ? 0 : INDIRECT_PENALTY),
    via,
    anonymous: person === null && (unnamedBefore || ((cue.subject.kind === 'anonymous' || cue.subject.kind === 'role') && namesUnnamedPeople(sentence.tokens, cue.subjectFirst, cue.subjectLast))),
  });
  const { subject } = cue;
  // "a source close to the delegation", "an aide to Brandt": the one speaking is unnamed, not the one named after.
  const unnamedBefore = !cue.inverted && unnamedPersonOf(sentence.tokens, cue.subjectFirst);
  if (unnamedBefore) return make(null, 'anonymous');
  switch (subject.kind) {
    case 'name': {
      if (subject.run.isOrganisation) return make(null, 'anonymous');
      const person = people.resolve(subject.run.name) ?? titledSingleName(subject.run, people) ?? bareSingleName(subject.run, people);
      if (!person) return make(null, 'anonymous');
      person.confirmed ||= coreNameWords(person.name).length >= 2;
      for (const role of roleFromWords(cue.appositive) ?? []) people.addRole(person, role);
      const via: AttributionVia = subject.coordinated ? 'coordinated' : cue.participle ? 'participle'
        : cue.cue === 'according to' ? 'according-to' : 'name';
      const others = (subject.others ?? []).flatMap((run) => {
        const other = run.isOrganisation ? null : people.resolve(run.name) ?? titledSingleName(run, people) ?? bareSingleName(run, people);
        return other && other !== person ? [other] : [];
      });
      return others.length > 0 ? { ...make(person, via), others } : make(person, via);
    }
    case 'pronoun': {
      const person = salience.resolvePronoun(subject.gender, paragraph, previous);
      return person ? make(person, 'pronoun') : make(null, 'anonymous');
    }
    case 'role': {
      const person = people.byRole(subject.role);
      return person ? make(person, 'role') : make(null, 'anonymous');
    }
    case 'anonymous':
      return make(null, 'anonymous');
  }
}

/**
 * The subject's words name people, not an organisation or a pronoun: "a senior official",
 * "people familiar with the talks", "a ministry spokesman" are unnamed sources; "the ministry"
 * and "they" are not.
 */
function namesUnnamedPeople(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = Math.max(0, first); k <= last && k < tokens.length; k++) {
    if (UNNAMED_PEOPLE.has(tokens[k]?.lower ?? '')) return true;
  }
  return false;
}

// Words between an unnamed person and the one they stand near: "close to", "familiar with", "for".
const LINKING_WORDS = new Set(['close', 'closer', 'near', 'familiar', 'to', 'with', 'for', 'of', 'from', 'in', 'at', 'inside', 'within', 'on', 'briefed']);

/** "a source close to …", "an aide to …", "people familiar with …" right before the subject. */
function unnamedPersonOf(tokens: readonly Token[], subjectFirst: number): boolean {
  let k = subjectFirst - 1;
  let linked = false;
  for (; k >= 0 && subjectFirst - k <= 3; k--) {
    const token = tokens[k];
    if (!token || token.kind !== 'word' || !LINKING_WORDS.has(token.lower)) break;
    linked = true;
  }
  return linked && UNNAMED_PEOPLE.has(tokens[k]?.lower ?? '');
}

/** "Mr. Smith said" with no full name anywhere in the article: the titled surname is the name. */
function titledSingleName(run: NameRun, people: ArticlePeople): ArticlePerson | null {
  if (!run.hasPersonTitle) return null;
  const person = people.addFullName({ ...run, name: [...run.name] }, true);
  if (person) return person;
  const gender = run.title.map((t) => HONORIFICS[t.toLowerCase()]).find((g) => g) ?? null;
  return people.addSingleName(run.name, gender, true);
}

/**
 * "Marrow said" in an article that never gives Marrow's full name: kept unconfirmed, so the
 * corpus can resolve it to the one full name it knows with that surname, or else drop it.
 */
function bareSingleName(run: NameRun, people: ArticlePeople): ArticlePerson | null {
  if (coreNameWords(run.name).length !== 1) return null;
  const person = people.addSingleName(run.name, null);
  return person;
}

/**
 * The sentence's grammatical subject, its first name not after a preposition: a known person, or
 * a lone one-word name the article has not tied to anyone yet.
 */
function sentenceSubject(sentence: SentenceWork, people: ArticlePeople): Pick<SubjectMention, 'person' | 'loneName'> | null {
  const { tokens } = sentence;
  const first = sentence.runs.find((r) => !r.isOrganisation);
  const before = first ? tokens[first.first - 1] : undefined;
  const run = first && before?.kind === 'word' && !before.capitalized ? afterOpeningPhrase(sentence) : first;
  if (!run || run.possessive) return null;
  const person = people.resolve(run.name);
  if (person) return { person, loneName: null };
  const lone = coreNameWords(run.name).length === 1 && sentence.runs[0] === run && opensSentence(tokens, run.first);
  return lone ? { person: null, loneName: run.name } : null;
}

// Words that open a sentence with a phrase before its subject: "In an interview with X, Ham said".
const PHRASE_OPENERS = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'with', 'without', 'following', 'despite', 'since', 'for', 'from', 'amid', 'like', 'unlike']);

/** "In an interview with Rita Holm, Ansel Varga made it clear …": the name right after the opening phrase. */
function afterOpeningPhrase(sentence: SentenceWork): NameRun | undefined {
  const { tokens } = sentence;
  const opener = tokens.find((t) => t.kind === 'word');
  if (!opener || !PHRASE_OPENERS.has(opener.lower)) return undefined;
  const comma = tokens.findIndex((t) => t.kind === 'quote' || t.text === ',');
  if (comma < 0 || tokens[comma]?.kind === 'quote') return undefined;
  return sentence.runs.find((r) => r.first === comma + 1 && !r.isOrganisation);
}

/** Direct when the quotation is the reported words: beside the cue, or most of the sentence. */
function isDirect(sentence: SentenceWork, cue: CueMatch): boolean {
  if (sentence.quotedRatio >= MOSTLY_QUOTED) return true;
  return adjacentQuoteIndices(sentence.tokens, cue).length > 0;
}

function adjacentQuoteIndices(tokens: readonly Token[], cue: CueMatch): number[] {
  const first = Math.min(cue.cueFirst, cue.subjectFirst, cue.subject.kind === 'name' ? cue.subject.run.first : Infinity);
  const last = Math.max(cue.cueLast, cue.subjectLast);
  const found: number[] = [];
  let before = titleStart(tokens, first) - 1;
  if (tokens[before]?.kind === 'punct' && [',', '—', '–'].includes(tokens[before]?.text ?? '')) before--;
  if (tokens[before]?.kind === 'quote') found.push(before);
  // After the cue: the quote itself, or an object of a few words ("told reporters") then , or :
  for (let after = last + 1; after < tokens.length && after <= last + 7; after++) {
    const token = tokens[after];
    if (!token || token.kind === 'quote') break;
    if (token.kind === 'punct') {
      if ([',', ':'].includes(token.text) && tokens[after + 1]?.kind === 'quote') found.push(after + 1);
      break;
    }
  }
  if (tokens[last + 1]?.kind === 'quote') found.push(last + 1);
  return found;
}

// Words of a title or role that may stand between a quotation and its speaker's name
// ("“…,” the chief negotiator Tomas Brandt said"): at most this many.
const MAX_TITLE_WORDS = 5;
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);

/** Where the title or role in front of a speaker's name begins, walking back over such words. */
function titleStart(tokens: readonly Token[], first: number): number {
  let start = first;
  for (let steps = 0; steps < MAX_TITLE_WORDS; steps++) {
    const token = tokens[start - 1];
    if (!token || token.kind !== 'word') break;
    if (!(TITLE_WORDS.has(token.lower) || ROLE_NOUNS.has(token.lower) || DETERMINERS.has(token.lower) || token.capitalized)) break;
    start--;
  }
  return start;
}

function adjacentQuoteGroups(tokens: readonly Token[], cue: CueMatch, quotes: QuoteSpan[]): number[] {
  return adjacentQuoteIndices(tokens, cue)
    .map((i) => quotes.find((q) => q.start <= (tokens[i]?.start ?? -1) && (tokens[i]?.start ?? -1) < q.end)?.group)
    .filter((g): g is number => g !== undefined);
}

/** Every sentence of a multi-sentence (or multi-paragraph) quotation is its speaker's. */
function inheritQuoteGroups(work: SentenceWork[], quotes: QuoteSpan[]): void {
  const owners = new Map<number, Attribution>();
  for (const sentence of work) {
    for (const group of sentence.ownsGroups) {
      if (sentence.attribution && !owners.has(group)) owners.set(group, sentence.attribution);
    }
  }
  for (const sentence of work) {
    if (sentence.attribution || sentence.quotedRatio < MOSTLY_QUOTED) continue;
    const owner = quoteGroupsOf(sentence.tokens, quotes).map((g) => owners.get(g)).find((a) => a);
    if (owner) sentence.attribution = { ...owner, quote: 'direct', confidence: owner.confidence - INDIRECT_PENALTY, via: 'quote' };
  }
}

function quoteGroupsOf(tokens: readonly Token[], quotes: QuoteSpan[]): number[] {
  return tokens
    .filter((t) => t.kind === 'quote')
    .map((t) => quotes.find((q) => q.start <= t.start && t.start < q.end)?.group)
    .filter((g): g is number => g !== undefined);
}

/**
 * A quotation with no cue of its own, right after a named speaker's sentence, continues that
 * speaker ("Under the new policy, he had “reason to believe …”").
 */
function inheritFollowUps(work: SentenceWork[]): void {
  for (let i = 1; i < work.length; i++) {
    const sentence = work[i];
    const previous = work[i - 1]?.attribution;
    // An unnamed source's quotation goes on as theirs, still unnamed: never anyone else's.
    if (!sentence || sentence.attribution || !(previous?.person || previous?.anonymous)) continue;
    const paragraphGap = sentence.span.paragraph - (work[i - 1]?.span.paragraph ?? 0);
    if (paragraphGap > 1 || !continuesSpeaker(sentence)) continue;
    sentence.attribution = {
      person: previous.person, cue: previous.cue, quote: 'direct', confidence: CONFIDENCE['follow-up'], via: 'follow-up', anonymous: previous.anonymous,
    };
  }
}

function continuesSpeaker(sentence: SentenceWork): boolean {
  if (!sentence.tokens.some((t) => t.kind === 'quote')) return false;
  if (sentence.quotedRatio >= MOSTLY_QUOTED) return true;
  const hasPronoun = sentence.tokens.some((t) => t.kind === 'word' && (t.lower === 'he' || t.lower === 'she'));
  return hasPronoun && sentence.runs.every((r) => r.possessive || r.isOrganisation || sentence.tokens[r.first - 1]?.lower === 'the');
}
