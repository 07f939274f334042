import { Client, DefaultRestOptions, InteractionResponseType, InteractionType, MessageFlags, type APIInteraction } from 'discord.js';
import { NO_MENTIONS } from '../discord/respond.js';
import type { Logger } from '../log.js';
import { errorFields } from '../log.js';

/** What an interaction's HTTP request is answered with: Discord's interaction response. */
export interface InteractionCallback {
  type: InteractionResponseType;
  data?: Record<string, unknown>;
}

// Discord waits 3 s for the HTTP response. One not ready by then is answered with a deferral at
// this age (counted from the request's arrival), and the answer follows as an edit.
const DEFER_AT_MS = 2000;
// An interaction's token lasts 15 minutes: what is remembered of one never outlives it.
const FORGET_AFTER_MS = 15 * 60_000;

interface Pending {
  payload: APIInteraction;
  respond: (callback: InteractionCallback) => void;
  /** The response already sent over HTTP, when the transport deferred on the router's behalf. */
  deferredAs: InteractionResponseType | null;
  timer: NodeJS.Timeout;
}

const CALLBACK_ROUTE = /\/interactions\/(\d+)\/[^/]+\/callback$/;

/**
 * Discord's HTTP interactions fed to the same discord.js machinery as the gateway's: each
 * verified payload becomes a discord.js interaction (the client's own InteractionCreate action
 * builds it), so the router, commands and renderers are those of gateway mode. The one
 * difference is the first response: discord.js sends it to the callback route over REST, and
 * here that request is caught (the REST client's makeRequest) and becomes the HTTP response
 * instead. Edits and follow-ups go to Discord (DISCORD_API_BASE) with the interaction's token,
 * as in gateway mode; no bot token is needed to answer.
 */
export class InteractionTransport {
  readonly client: Client;
  private readonly pending = new Map<string, Pending>();
  private readonly api: string;

  constructor(apiBase: string | null, private readonly log: Logger) {
    this.api = apiBase ?? DefaultRestOptions.api;
    this.client = new Client({ intents: [], allowedMentions: NO_MENTIONS, rest: { api: this.api, makeRequest: (url, init) => this.request(url, init) } });
  }

  /** Answers a verified interaction: resolves with the HTTP response, at the latest a deferral after DEFER_AT_MS. */
  answer(payload: APIInteraction): Promise<InteractionCallback> {
    return new Promise((respond) => {
      const pending: Pending = { payload, respond, deferredAs: null, timer: setTimeout(() => this.deferForRouter(pending), DEFER_AT_MS) };
      this.pending.set(payload.id, pending);
      try {
        // The client's own action makes the interaction object and emits InteractionCreate.
        (this.client as unknown as { actions: { InteractionCreate: { handle(data: APIInteraction): void } } }).actions.InteractionCreate.handle(payload);
      } catch (error) {
        this.log.error({ id: payload.id, ...errorFields(error) }, 'could not read an interaction');
        this.settle(pending, apology(payload));
      }
    });
  }

  destroy(): void {
    for (const pending of this.pending.values()) clearTimeout(pending.timer);
    this.pending.clear();
    void this.client.destroy();
  }

  /** Every REST request discord.js makes: the first response to an interaction is caught, the rest go to Discord. */
  private async request(url: string, init: Parameters<typeof DefaultRestOptions.makeRequest>[1]): Promise<Awaited<ReturnType<typeof DefaultRestOptions.makeRequest>>> {
    const id = CALLBACK_ROUTE.exec(new URL(url).pathname)?.[1];
    const pending = id === undefined ? undefined : this.pending.get(id);
    if (!pending || init.method !== 'POST' || typeof init.body !== 'string') return DefaultRestOptions.makeRequest(url, init);
    const callback = JSON.parse(init.body) as InteractionCallback;
    if (pending.deferredAs === null) {
      this.settle(pending, callback);
      return noContent();
    }
    // Deferred already on the router's behalf: its response becomes the edit or follow-up that completes it.
    this.forget(pending);
    return this.completeDeferred(pending, callback);
  }

  private settle(pending: Pending, callback: InteractionCallback): void {
    this.forget(pending);
    pending.respond(callback);
  }

  private forget(pending: Pending): void {
    clearTimeout(pending.timer);
    this.pending.delete(pending.payload.id);
  }

  /**
   * Nothing answered within DEFER_AT_MS: a deferral goes back over HTTP (private when the command
   * asked for privacy), so the interaction does not fail; what the router sends later completes it.
   */
  private deferForRouter(pending: Pending): void {
    const { payload } = pending;
    const callback = deferralFor(payload);
    pending.deferredAs = callback.type;
    this.log.warn({ id: payload.id, type: callback.type }, 'deferred: no answer within 2 s');
    pending.respond(callback);
    // Remembered until the router's own response comes, and never past the token's life.
    pending.timer = setTimeout(() => this.pending.delete(payload.id), FORGET_AFTER_MS);
    pending.timer.unref();
  }

  private async completeDeferred(pending: Pending, callback: InteractionCallback): Promise<Awaited<ReturnType<typeof DefaultRestOptions.makeRequest>>> {
    const { payload } = pending;
    const webhook = `${this.api}/v10/webhooks/${payload.application_id}/${payload.token}`;
    const data = callback.data ?? {};
    const send = (method: 'PATCH' | 'POST', url: string, body: Record<string, unknown>) =>
      DefaultRestOptions.makeRequest(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { flags: _flags, ...edit } = data;
    switch (callback.type) {
      case InteractionResponseType.ChannelMessageWithSource:
        // After a deferred reply the answer is its edit; after a deferred update, a new message.
        return pending.deferredAs === InteractionResponseType.DeferredChannelMessageWithSource
          ? send('PATCH', `${webhook}/messages/@original`, edit)
          : send('POST', webhook, data);
      case InteractionResponseType.UpdateMessage:
        return send('PATCH', `${webhook}/messages/@original`, edit);
      default:
        // A deferral of its own, or autocomplete choices too late to show: nothing more to send.
        return noContent();
    }
  }
}

function deferralFor(payload: APIInteraction): InteractionCallback {
  if (payload.type === InteractionType.ApplicationCommandAutocomplete) return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
  if (payload.type === InteractionType.MessageComponent) return { type: InteractionResponseType.DeferredMessageUpdate };
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: asksForPrivacy(payload) ? MessageFlags.Ephemeral : 0 } };
}

/** Whether a command was run with `private: true`, read from its raw options. */
function asksForPrivacy(payload: APIInteraction): boolean {
  if (payload.type !== InteractionType.ApplicationCommand) return false;
  const options = ('options' in payload.data ? payload.data.options : undefined) ?? [];
  return options.some((option) => option.name === 'private' && 'value' in option && option.value === true);
}

/** The answer to an interaction that could not even be read: a short private apology. */
export function apology(payload: APIInteraction, content = 'Something went wrong: please try again.'): InteractionCallback {
  if (payload.type === InteractionType.ApplicationCommandAutocomplete) return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
  return { type: InteractionResponseType.ChannelMessageWithSource, data: { content, flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS } };
}

function noContent(): Promise<Awaited<ReturnType<typeof DefaultRestOptions.makeRequest>>> {
  return Promise.resolve(new Response(null, { status: 204 }) as unknown as Awaited<ReturnType<typeof DefaultRestOptions.makeRequest>>);
}
