type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

/** An append-only typed array that doubles when full; `finish` trims it to its length. */
export class Growable<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly Type: TypedArrayConstructor<T>, capacity = 1024) {
    this.data = new Type(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.Type(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}
