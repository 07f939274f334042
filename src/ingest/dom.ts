import { createRequire } from 'node:module';
import type * as Linkedom from 'linkedom';

// linkedom takes ~0.2 s to load, and only adding a page needs it: it is loaded then, not at every
// start of the bot (whose answers never parse HTML).
let linkedom: typeof Linkedom | null = null;

/** linkedom's parseHTML, loading linkedom on first use. */
export function parseHTML(html: string): ReturnType<typeof Linkedom.parseHTML> {
  linkedom ??= createRequire(import.meta.url)('linkedom') as typeof Linkedom;
  return linkedom.parseHTML(html);
}
