/** Lower case, no diacritics, no possessive ’s, one kind of apostrophe: how words are compared. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/’/g, "'");
}
