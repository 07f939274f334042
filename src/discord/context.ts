import type { Verbatim } from '../verbatim.js';
import type { Logger } from '../log.js';
import type { CorpusChange } from '../reload.js';

/** What every command handler is given: the current corpus (it may be reloaded) and the log. */
export interface BotContext {
  verbatim(): Verbatim;
  log: Logger;
  /** Reloads the corpus now and says what changed (/reindex); absent where nothing can reload it. */
  reindex?: () => Promise<CorpusChange>;
}
