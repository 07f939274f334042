// Plain ASCII letters and digits fold by lower-casing alone: most words of English news.
const PLAIN = /^[A-Za-z0-9]*$/;

/** Lower case, no diacritics, no possessive ’s, one kind of apostrophe: how words are compared. */
export function foldWord(word: string): string {
  if (PLAIN.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/’/g, "'");
}
