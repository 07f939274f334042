import type { Hit } from './search.js';

/**
 * The k best documents offered to it (higher score first; on equal scores the lower id), kept in
 * a binary min-heap over typed arrays. Most offers fall below the heap's worst entry, so that
 * test comes first and costs two comparisons.
 */
export class TopHits {
  private readonly ids: Uint32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.ids = new Uint32Array(Math.max(k, 0));
    this.scores = new Float64Array(Math.max(k, 0));
  }

  /** Whether k documents are kept: from then on, only better ones get in. */
  get full(): boolean {
    return this.k > 0 && this.size === this.k;
  }

  /** The score of the worst document kept. */
  get floor(): number {
    return this.scores[0] ?? -Infinity;
  }

  offer(id: number, score: number): void {
    const { ids, scores, k } = this;
    if (this.size < k) {
      let c = this.size++;
      ids[c] = id;
      scores[c] = score;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (!this.worse(c, parent)) break;
        this.swap(c, parent);
        c = parent;
      }
      return;
    }
    if (k === 0) return;
    const floor = scores[0] as number;
    if (score < floor || (score === floor && id > (ids[0] as number))) return;
    ids[0] = id;
    scores[0] = score;
    for (let c = 0; ;) {
      const left = 2 * c + 1;
      const right = left + 1;
      let worst = c;
      if (left < this.size && this.worse(left, worst)) worst = left;
      if (right < this.size && this.worse(right, worst)) worst = right;
      if (worst === c) return;
      this.swap(c, worst);
      c = worst;
    }
  }

  /** The kept documents, best first. */
  sorted(): Hit[] {
    const out: Hit[] = [];
    for (let i = 0; i < this.size; i++) out.push({ id: this.ids[i] as number, score: this.scores[i] as number });
    return out.sort((a, b) => b.score - a.score || a.id - b.id);
  }

  /** Entry a ranks below entry b: a lower score, or an equal one and a later id. */
  private worse(a: number, b: number): boolean {
    const sa = this.scores[a] as number;
    const sb = this.scores[b] as number;
    return sa < sb || (sa === sb && (this.ids[a] as number) > (this.ids[b] as number));
  }

  private swap(a: number, b: number): void {
    const { ids, scores } = this;
    [ids[a], ids[b]] = [ids[b] as number, ids[a] as number];
    [scores[a], scores[b]] = [scores[b] as number, scores[a] as number];
  }
}
