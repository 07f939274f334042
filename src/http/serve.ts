import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { CorpusReloader } from '../reload.js';
import type { Intake } from '../intake.js';
import { handleInteractions } from '../discord/bot.js';
import { publicKeyFromHex } from './signature.js';
import { InteractionTransport } from './transport.js';
import { startInteractionsServer } from './server.js';
import { Metrics } from './metrics.js';

/** The corpus being served, once it is open. */
export interface Serving {
  reloader: CorpusReloader;
  intake: Intake;
}

// Discord gives an interaction 3 s and a deferred one 15 minutes; a stop waits this long for replies under way.
const GRACE_MS = 10_000;

/**
 * Interactions mode (contracts §7): the HTTP endpoint listens first, so /healthz answers 503
 * while the index opens and PING works at once; then the corpus is opened and served. Ends on
 * SIGTERM or SIGINT: no new requests, those under way finished, exit code 0.
 */
export async function runInteractions(config: Config & { publicKey: string }, log: Logger, open: (onReloaded: () => void) => Promise<Serving>): Promise<number> {
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  let serving: Serving | null = null;
  const metrics = new Metrics(() => serving?.reloader.current() ?? null);
  const transport = new InteractionTransport(config.apiBase, log);
  const handler = handleInteractions(transport.client, config, {
    verbatim: () => {
      if (!serving) throw new Error('the index is not open yet');
      return serving.reloader.current();
    },
    log,
    reindex: () => (serving ? serving.reloader.reload() : Promise.reject(new Error('the index is not open yet'))),
    addUrl: (url) => (serving ? serving.intake.addUrl(url) : Promise.reject(new Error('the index is not open yet'))),
    observe: metrics.observe,
  });
  const server = await startInteractionsServer({
    port: config.port, publicKey: publicKeyFromHex(config.publicKey), log,
    answer: (payload) => transport.answer(payload),
    ready: () => serving !== null,
    metrics: async () => ({ contentType: metrics.contentType, text: await metrics.text() }),
  });
  log.info({ port: server.port }, 'serving Discord interactions over HTTP');
  try {
    const opening = open(() => metrics.indexChanged()).then((opened) => {
      serving = opened;
      metrics.indexChanged();
      log.info({ articles: opened.reloader.current().index.articles.length }, 'index ready');
    });
    // A signal while the index opens stops the process as soon as it is open (or failed to open).
    const signal = await Promise.race([stopped, opening.then(() => stopped)]);
    log.info({ signal }, 'shutting down');
    await Promise.all([server.close(GRACE_MS), handler.drain(GRACE_MS)]);
    await opening.catch(() => undefined);
    return 0;
  } finally {
    const opened = serving as Serving | null;
    await opened?.intake.stop();
    await opened?.reloader.close();
    transport.destroy();
  }
}
