/** Gives each distinct string a small number, in order of first appearance. */
export class Interner {
  readonly values: string[];
  private readonly ids = new Map<string, number>();

  constructor(initial: readonly string[] = []) {
    this.values = [];
    for (const value of initial) this.id(value);
  }

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}
