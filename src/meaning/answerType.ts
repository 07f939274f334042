/**
 * What kind of answer a question wants, read from how it starts ("where", "when", "how long",
 * "how many"), and whether a sentence holds one. Plain English patterns, the same for any story.
 */
export type AnswerKind = 'place' | 'time' | 'duration' | 'quantity';

const NUMBER_WORD = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands|millions|several|a few|half';
const UNIT = 'second|minute|hour|day|night|week|fortnight|month|year|decade|century';
const MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december';
const WEEKDAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';

const SHAPES: [RegExp, AnswerKind][] = [
  [/^(?:for\s+)?how\s+long\b/iu, 'duration'],
  [/^(?:how\s+(?:many|much)|what\s+(?:is|was|will\s+be)\s+the\s+(?:number|price|cost|size|total|amount|capacity|length|toll)|how\s+(?:big|large|wide|far|high|deep|old|often))\b/iu, 'quantity'],
  [/^(?:when|by\s+when|since\s+when|until\s+when|what\s+(?:time|day|date|year|month))\b/iu, 'time'],
  [/^(?:where|from\s+where|in\s+which\s+(?:city|town|country|place))\b/iu, 'place'],
];

/** The kind of answer the question asks for, or null when its form says nothing of it. */
export function expectedAnswer(question: string): AnswerKind | null {
  const trimmed = question.trim();
  for (const [shape, kind] of SHAPES) if (shape.test(trimmed)) return kind;
  return null;
}

const HOLDS: Record<AnswerKind, RegExp> = {
  duration: new RegExp(`\\b(?:\\d[\\d,.]*|${NUMBER_WORD}|an?)[\\s-]+(?:and[\\s-]a[\\s-]half[\\s-]+|or\\s+(?:\\d+|${NUMBER_WORD})\\s+)?(?:${UNIT})s?\\b|\\b(?:overnight|all\\s+(?:day|night))\\b`, 'iu'),
  quantity: new RegExp(`\\b(?:\\d[\\d,.]*|${NUMBER_WORD})\\b|\\b\\w+fold\\b|%`, 'iu'),
  time: new RegExp(`\\b(?:${MONTH}|${WEEKDAY}|today|tonight|tomorrow|yesterday|spring|summer|autumn|fall|winter|midnight|noon|dawn|(?:19|20)\\d\\d|\\d{1,2}(?::\\d\\d)?\\s*(?:a\\.m\\.|p\\.m\\.|am|pm))\\b|\\b(?:next|last|this)\\s+(?:week|month|year)\\b`, 'iu'),
  // A capitalised word after a preposition of place, not a day, a month or the sentence's first word.
  place: new RegExp(`\\b(?:in|at|near|outside|inside|across|on\\s+the\\s+(?:shore|edge|border|outskirts)\\s+of)\\s+(?:the\\s+)?(?!(?:${MONTH}|${WEEKDAY})\\b)\\p{Lu}[\\p{L}’'-]+`, 'u'),
};

/** Whether a sentence holds an answer of that kind (a number, a date, a span of time, a place). */
export function holdsAnswer(kind: AnswerKind, sentence: string): boolean {
  return HOLDS[kind].test(sentence);
}
