import type { Speaker } from './speakers.js';
import type { SpeakerLookup } from './speakerLookup.js';
import { STOP_WORDS, foldWord, words } from './terms.js';

/** What a question asks: whose statements (if anyone's) and about what. */
export interface Query {
  question: string;
  speaker: Speaker | null;
  /** A person the question asks about whom the corpus does not know ("what did Nobody say"). */
  unknownSpeaker: string | null;
  /** Topic words, as written, without the speaker's name and the question's own words. */
  topic: string[];
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

/** Reads a question: the speaker it names (by any form, any case, one typo) and its topic. */
export function understand(question: string, lookup: SpeakerLookup): Query {
  const cleaned = cleanQuestion(question);
  const questionWords = words(cleaned);
  const skip = (word: string) => STOP_WORDS.has(word) || QUESTION_WORDS.has(word);
  // "who said …" asks for a speaker; names in it belong to the topic.
  const match = /^\s*who\b/iu.test(cleaned) ? null : lookup.find(questionWords, skip);
  const rest = match ? [...questionWords.slice(0, match.from), ...questionWords.slice(match.to)] : questionWords;
  const topic = rest.filter((w) => !skip(foldWord(w)));
  const unknownSpeaker = match ? null : askedPerson(cleaned);
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
