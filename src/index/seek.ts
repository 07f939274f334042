/**
 * The first position in sorted[from .. to) holding a value ≥ `value` (`to` when none does):
 * galloping from `from`, then binary search, so a cursor moving forward through a sorted list
 * pays for the distance it moves, not for the list's length.
 */
export function seek(sorted: Uint32Array, from: number, to: number, value: number): number {
  let step = 1;
  let low = from;
  let high = from;
  while (high < to && (sorted[high] as number) < value) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  if (high > to) high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The position of `value` in a list of strings sorted by `<`, or -1 when it is not there (binary search). */
export function indexOfSorted(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const candidate = sorted[mid] as string;
    if (candidate === value) return mid;
    if (candidate < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
