import { FakeDiscord } from '../fake-discord/server.js';
import { readConfig } from '../../src/config.js';
import { Verbatim } from '../../src/verbatim.js';
import { handleInteractions } from '../../src/discord/bot.js';
import type { BotContext } from '../../src/discord/context.js';
import { InteractionTransport } from '../../src/http/transport.js';
import { startInteractionsServer, type InteractionsServer } from '../../src/http/server.js';
import { publicKeyFromHex } from '../../src/http/signature.js';
import { Metrics } from '../../src/http/metrics.js';
import { recordingLogger, type LogLine } from './bot.js';

/** One replica in interactions mode, in this process: its endpoint, transport and metrics. */
export interface Replica {
  url: string;
  server: InteractionsServer;
  transport: InteractionTransport;
  metrics: Metrics;
  logs: LogLine[];
  stop(): Promise<void>;
}

/** A replica answering the fake's signed interactions; edits and follow-ups go to the fake's REST. */
export async function startReplica(fake: FakeDiscord, verbatim: Verbatim, extra: Partial<BotContext> = {}, ready = () => true): Promise<Replica> {
  const logs: LogLine[] = [];
  const log = recordingLogger(logs);
  const config = readConfig({ DISCORD_PUBLIC_KEY: fake.publicKeyHex, DISCORD_API_BASE: fake.apiBase, RATE_LIMIT: 'off', PORT: '0' });
  const metrics = new Metrics(() => verbatim);
  const transport = new InteractionTransport(config.apiBase, log);
  const handler = handleInteractions(transport.client, config, { verbatim: () => verbatim, log, observe: metrics.observe, ...extra });
  const server = await startInteractionsServer({
    port: 0, host: '127.0.0.1', publicKey: publicKeyFromHex(fake.publicKeyHex), log,
    answer: (payload) => transport.answer(payload), ready,
    metrics: async () => ({ contentType: metrics.contentType, text: await metrics.text() }),
  });
  return {
    url: `http://127.0.0.1:${server.port}/interactions`, server, transport, metrics, logs,
    async stop() {
      await Promise.all([server.close(1000), handler.drain(1000)]);
      transport.destroy();
    },
  };
}
