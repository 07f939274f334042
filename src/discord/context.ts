import type { Verbatim } from '../verbatim.js';
import type { Logger } from '../log.js';
import type { CorpusChange } from '../reload.js';
import type { AddResult } from '../ingest/add.js';

/** What every command handler is given: the current corpus (it may be reloaded) and the log. */
export interface BotContext {
  verbatim(): Verbatim;
  log: Logger;
  /** Reloads the corpus now and says what changed (/reindex); absent where nothing can reload it. */
  reindex?: () => Promise<CorpusChange>;
  /** Fetches a page and adds it to the corpus (/add); absent where nothing can fetch. */
  addUrl?: (url: string) => Promise<AddResult>;
  /** Hears of every interaction handled: what it was ("/ask", "autocomplete /quotes", "button"), its outcome and time (metrics). */
  observe?: (kind: string, outcome: string, ms: number) => void;
}
