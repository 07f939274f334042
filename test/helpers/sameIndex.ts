import { expect } from 'vitest';
import type { IndexData } from '../../src/build/assemble.js';

/**
 * An index made by changes (spliced) against a fresh build of the same corpus: everything equal
 * but the term bounds, which a splice only loosens (each at least the fresh build's, which is
 * the highest impact with a margin of 1e-6). Answers are compared by the caller.
 */
export function expectSameIndex(spliced: IndexData, fresh: IndexData): void {
  const withoutBounds = (data: IndexData) => ({ ...data, terms: { ...data.terms, maxImpacts: null } });
  expect(withoutBounds(spliced)).toEqual(withoutBounds(fresh));
  const loose = spliced.terms.maxImpacts;
  const tight = fresh.terms.maxImpacts;
  for (let t = 0; t < tight.length; t++) expect(loose[t]).toBeGreaterThanOrEqual((tight[t] as number) * (1 - 1e-5));
}
