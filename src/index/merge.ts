import type { Postings } from './postings.js';
import type { SegmentView } from './topDocuments.js';

/**
 * The postings of adjacent segments as one, without their deleted documents: terms in sorted
 * order (terms no live document holds are dropped), each term's documents in id order (the
 * segments are in id order, so their lists concatenate). Lengths cover every id of the
 * segments, the deleted too, so that a document's length stays at `doc - first`.
 */
export function mergePostings(segments: readonly SegmentView[]): Postings {
  const sources = termSources(segments);
  const names = [...sources.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const offsets = new Uint32Array(names.length + 1);
  let total = 0;
  const kept: string[] = [];
  for (const name of names) {
    const live = livePostings(segments, sources.get(name) as number[]);
    if (live === 0) continue;
    kept.push(name);
    total += live;
    offsets[kept.length] = total;
  }
  const docs = new Uint32Array(total);
  const freqs = new Uint8Array(total);
  let at = 0;
  for (const name of kept) at = copyLive(segments, sources.get(name) as number[], docs, freqs, at);
  return { terms: kept, offsets: offsets.slice(0, kept.length + 1), docs, freqs, lengths: concatLengths(segments) };
}

/** Per term, its id in each segment (-1 where absent). */
function termSources(segments: readonly SegmentView[]): Map<string, number[]> {
  const sources = new Map<string, number[]>();
  segments.forEach((segment, s) => {
    segment.data.terms.forEach((name, id) => {
      let ids = sources.get(name);
      if (!ids) sources.set(name, (ids = new Array<number>(segments.length).fill(-1)));
      ids[s] = id;
    });
  });
  return sources;
}

function livePostings(segments: readonly SegmentView[], ids: readonly number[]): number {
  let count = 0;
  segments.forEach(({ data, deleted }, s) => {
    const id = ids[s] as number;
    if (id < 0) return;
    const from = data.offsets[id] as number;
    const to = data.offsets[id + 1] as number;
    if (deleted === null) count += to - from;
    else for (let p = from; p < to; p++) if (deleted[data.docs[p] as number] !== 1) count++;
  });
  return count;
}

function copyLive(segments: readonly SegmentView[], ids: readonly number[], docs: Uint32Array, freqs: Uint8Array, at: number): number {
  segments.forEach(({ data, deleted }, s) => {
    const id = ids[s] as number;
    if (id < 0) return;
    for (let p = data.offsets[id] as number; p < (data.offsets[id + 1] as number); p++) {
      const doc = data.docs[p] as number;
      if (deleted !== null && deleted[doc] === 1) continue;
      docs[at] = doc;
      freqs[at] = data.freqs[p] as number;
      at++;
    }
  });
  return at;
}

function concatLengths(segments: readonly SegmentView[]): Uint16Array {
  const lengths = new Uint16Array(segments.reduce((n, s) => n + s.data.lengths.length, 0));
  let at = 0;
  for (const { data } of segments) {
    lengths.set(data.lengths, at);
    at += data.lengths.length;
  }
  return lengths;
}
