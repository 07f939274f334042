import type { Verbatim } from '../verbatim.js';
import type { Logger } from '../log.js';

/** What every command handler is given: the current corpus (it may be reloaded) and the log. */
export interface BotContext {
  verbatim(): Verbatim;
  log: Logger;
}
