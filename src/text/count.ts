/** "1 article", "2 articles": a count with its noun (nouns that take an "s"). */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
