/**
 * The first sentence of each text, found by the text's hash: an open-addressing table of
 * sentence ids in one typed array (8 bytes a sentence at most), where a Map of a million
 * numbers cost ~0.5 s of a build at a million sentences, mostly its collector's. Two texts with
 * one hash each keep a slot of their own; a text's slot always holds its earliest sentence.
 */
export class FirstCopies {
  /** Sentence id + 1 per slot; 0 is an empty slot. */
  private slots: Uint32Array;
  private used = 0;

  constructor(private readonly hashOf: (id: number) => number, expected = 0) {
    this.slots = new Uint32Array(sizeFor(expected));
  }

  /**
   * The first sentence before `id` with the same text (`same` compares two sentences' texts),
   * or -1 when there is none: `id` is then recorded as the first of its text.
   */
  firstOf(id: number, same: (a: number, b: number) => boolean): number {
    const hash = this.hashOf(id);
    const mask = this.slots.length - 1;
    for (let slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] as number;
      if (held === 0) break;
      const other = held - 1;
      if (this.hashOf(other) === hash && same(other, id)) return other;
    }
    this.insert(id);
    return -1;
  }

  private insert(id: number): void {
    if (2 * (this.used + 1) > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    let slot = mix(this.hashOf(id)) & mask;
    while ((this.slots[slot] as number) !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
    this.used++;
  }

  /** Twice the slots, every id placed again (each text has one slot, so order does not matter). */
  private grow(): void {
    const held = this.slots.filter((value) => value !== 0);
    this.slots = new Uint32Array(this.slots.length * 2);
    this.used = 0;
    for (const value of held) this.insert(value - 1);
  }
}

/** A power of two with room for `count` ids at most half full. */
function sizeFor(count: number): number {
  let size = 16;
  while (size < 2 * count) size *= 2;
  return size;
}

/** Spreads a hash's bits (murmur3's finalizer), since sentence hashes are probed by their low bits. */
function mix(hash: number): number {
  let h = hash >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
