declare module 'wink-lemmatizer' {
  /** The lemma of an English word as a noun, a verb or an adjective (WordNet's rules and exceptions); the word itself when it has none. */
  const lemmatizer: { noun(word: string): string; verb(word: string): string; adjective(word: string): string };
  export default lemmatizer;
}
