import type { Speaker } from './speakers.js';
import type { SpeakerLookup } from './speakerLookup.js';
import { STOP_WORDS, foldWord, words } from '../index/terms.js';
import type { RelatedTerm } from '../index/search.js';

/** What a question asks: whose statements (if anyone's) and about what. */
export interface Query {
  question: string;
  speaker: Speaker | null;
  /** A person the question asks about whom the corpus does not know ("what did Nobody say"). */
  unknownSpeaker: string | null;
  /** Topic words, as written, without the speaker's name and the question's own words. */
  topic: string[];
  /** Index terms that mean what the topic words mean (from WordNet), with their weights; for topic questions. */
  related?: RelatedTerm[];
}

// Only this much of a question is read: a longer one is pasted text, not a question.
export const MAX_QUESTION_CHARS = 500;

/** Words that shape a question but say nothing about its topic. */
const QUESTION_WORDS = new Set(`
what whats did does do has have had say says said saying tell tells told think thinks thought
statement statements quote quotes quoted remark remarks comment comments word words about on
regarding concerning anything something who whom whose please show me give find list all any
recent latest speak spoke talk talked talking mention mentioned claim claimed state stated
view views position positions opinion opinion's stance response respond responded react reacted
`.trim().split(/\s+/));

// Question shapes that name a person; when the corpus does not know the name, nobody is found.
const PERSON_SHAPES: RegExp[] = [
  /\b(?:did|does|has|have|had|do)\s+(.+?)\s+(?:say|said|tell|told|think|claim|claimed|state|stated|announce|announced|warn|warned|mention|mentioned|comment|commented|respond|responded)\b/u,
  /^(.+?)['’]s?\s+(?:statements?|quotes?|remarks?|comments?|words|views?|position)\b/u,
  /\b(?:statements?|quotes?|remarks?|comments?)\s+(?:from|by|of)\s+(.+?)(?:\s+(?:about|on|regarding)\b|$)/u,
];
const NOT_A_NAME = new Set([
  'he', 'she', 'they', 'we', 'i', 'you', 'it', 'anyone', 'anybody', 'someone', 'somebody', 'everyone',
  'everybody', 'people', 'officials', 'experts', 'critics', 'the', 'a', 'an', 'who', 'nobody',
]);

// A question phrased as one ("is a … summit planned?", "where did X and Y meet?") asks about
// what happened; a name in it is the speaker asked about only when it asks what they said.
const PHRASED_AS_A_QUESTION = /^\s*(?:is|are|was|were|will|would|can|could|should|shall|did|does|do|has|have|had|where|when|how|why|which|what|whose|whom|who)\b/iu;

/** Whether the question is written as a question ("where were the talks held?"), not as keywords ("embassy staffing"). */
export function phrasedAsAQuestion(question: string): boolean {
  return PHRASED_AS_A_QUESTION.test(cleanQuestion(question));
}

/** Words that ask for what someone said, thought or answered, in any form (see asksWhatWasSaid). */
const SPEECH_WORDS = new Set(`
say says said saying tell tells told telling statement statements quote quotes quoted remark remarks
comment comments commented word words think thinks thought view views position positions opinion
opinions stance response respond responds responded react reacts reacted reaction claim claims claimed
state states stated announce announces announced warn warns warned mention mentions mentioned describe
describes described call calls called argue argues argued insist insists insisted deny denies denied
admit admits admitted promise promises promised pledge pledges pledged vow vows vowed urge urges urged
demand demands demanded criticize criticise criticizes criticises criticized criticised praise praises
praised suggest suggests suggested propose proposes proposed express expresses expressed reply replies
replied answer answers answered confirm confirms confirmed explain explains explained speak speaks spoke
talk talks talked add adds added accuse accuses accused blame blames blamed believe believes believed
feel feels felt according message messages
`.trim().split(/\s+/));

/**
 * Whether a question asks for someone's statements: it is not phrased as a question (keywords
 * such as "Lavrov embassy", or "Lavrov's statements"), or it has a word of saying in it ("what did
 * X say", "did X confirm …", "according to X", "X's view on …").
 */
function asksWhatWasSaid(question: string, questionWords: readonly string[]): boolean {
  if (!PHRASED_AS_A_QUESTION.test(question)) return true;
  return questionWords.some((word) => SPEECH_WORDS.has(foldWord(word)));
}

/** Reads a question: the speaker it names (by any form, any case, one typo) and its topic. */
export function understand(question: string, lookup: SpeakerLookup): Query {
  const cleaned = cleanQuestion(question);
  const questionWords = words(cleaned);
  const skip = (word: string) => STOP_WORDS.has(word) || QUESTION_WORDS.has(word);
  // "who said …" asks for a speaker; names in it belong to the topic. So do names in a question
  // about what happened ("is a Marwood–Osk summit planned?").
  const aboutSpeaker = !/^\s*who\b/iu.test(cleaned) && asksWhatWasSaid(cleaned, questionWords);
  const match = aboutSpeaker ? lookup.find(questionWords, skip) : null;
  const rest = match ? [...questionWords.slice(0, match.from), ...questionWords.slice(match.to)] : questionWords;
  const topic = rest.filter((w) => !skip(foldWord(w)));
  const unknownSpeaker = match || !aboutSpeaker ? null : askedPerson(cleaned);
  return { question, speaker: match?.speaker ?? null, unknownSpeaker, topic: unknownSpeaker ? [] : topic };
}

/** Drops Discord mentions, markdown and control characters; keeps at most MAX_QUESTION_CHARS. */
export function cleanQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .slice(0, MAX_QUESTION_CHARS * 2)
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[*_~`|>#[\]()\\]/g, ' ')
    // After markdown is gone: "@everyone__" only now reads as a mention.
    .replace(/@(?:everyone|here)\b/g, ' ')
    .replace(/<(?=[@#:]|a:|t:|\/)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
}

function askedPerson(question: string): string | null {
  const lower = question.toLowerCase().replace(/[?!.]+$/u, '');
  for (const shape of PERSON_SHAPES) {
    const captured = shape.exec(lower)?.[1]?.trim();
    if (!captured) continue;
    const capturedWords = words(captured).map(foldWord);
    if (capturedWords.length === 0 || capturedWords.length > 5) continue;
    if (capturedWords.every((w) => NOT_A_NAME.has(w) || STOP_WORDS.has(w))) continue;
    if (NOT_A_NAME.has(capturedWords[0] ?? '')) continue;
    return originalCase(question, captured);
  }
  return null;
}

/** The captured name as the person typed it. */
function originalCase(question: string, lower: string): string {
  const at = question.toLowerCase().indexOf(lower);
  return at >= 0 ? question.slice(at, at + lower.length) : lower;
}
