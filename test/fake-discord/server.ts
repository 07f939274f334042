import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { generateKeyPairSync, sign } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  GatewayDispatchEvents, GatewayOpcodes, InteractionResponseType, InteractionType, MessageFlags,
  type APIEmbed, type APIInteraction, type APIMessage, type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import {
  autocompleteInteraction, buttonInteraction, commandInteraction, guildPayload, makeWorld, messageFrom, readyPayload,
  snowflake, type OptionValue, type World,
} from './payloads.js';
import { checkMessage, checkChoices, type Problem } from './rules.js';

type Reply = (status: number, payload?: unknown, headers?: Record<string, string>) => void;

/** A rule the bot broke that Discord would not report as an error: a reply that could ping. */
export interface Violation {
  interaction: string | null;
  rule: string;
  detail: string;
}

export interface ResponseRecord {
  route: 'callback' | 'edit' | 'followup';
  type: number | null;
  body: Record<string, unknown>;
  status: number;
  code: number | null;
  at: number;
}

/** One interaction the fake sent, and everything the bot answered to it. */
export interface InteractionRecord {
  payload: APIInteraction;
  sentAt: number;
  acknowledged: InteractionResponseType | null;
  responses: ResponseRecord[];
  /** The reply message (created by a callback, or by the edit of a deferred one). */
  message: APIMessage | null;
  followups: APIMessage[];
}

/**
 * A fault the fake injects into its next REST requests on one route: a delay before answering,
 * or an error status instead of the answer (429 with retry_after, 500, …), `times` times.
 * With `afterProcessing`, the request takes effect and only its response is the error (as when
 * Discord stores a message and then fails): the case that tempts a client to send it twice.
 */
export interface Fault {
  route: 'callback' | 'webhook';
  times: number;
  delayMs?: number;
  status?: number;
  /** Discord's JSON error code and message for the status (default 0, "Internal Server Error"). */
  code?: number;
  message?: string;
  retryAfterSeconds?: number;
  afterProcessing?: boolean;
}

export interface FakeOptions {
  /** Discord's deadline to acknowledge an interaction. */
  deadlineMs?: number;
  /** The heartbeat interval sent in HELLO; short in tests so that heartbeats really happen. */
  heartbeatMs?: number;
}

const API = '/api/v10';
const DEFAULT_HEARTBEAT_MS = 41_250;

/**
 * A loopback fake of Discord's REST API and gateway, enough for the real discord.js client: it
 * logs in, receives interactions, and answers them, with Discord's own error codes when it breaks
 * a rule (10062 late, 40060 twice, 50035 too big).
 */
export class FakeDiscord {
  readonly world: World = makeWorld();
  readonly token = `fake.${Math.random().toString(36).slice(2)}.token`;
  readonly violations: Violation[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  readonly registered: { route: string; body: RESTPutAPIApplicationCommandsJSONBody }[] = [];
  readonly unknownRoutes: string[] = [];
  private readonly deadlineMs: number;
  private readonly heartbeatMs: number;
  /** Heartbeats received from the bot, each acknowledged. */
  heartbeats = 0;
  private readonly sockets = new Set<WebSocket>();
  /** The shard ([id, count]) each identified connection runs, as its IDENTIFY said. */
  private readonly shardOf = new Map<WebSocket, [number, number]>();
  /** Every IDENTIFY's shard, in order. */
  readonly identifiedShards: [number, number][] = [];
  private socket: WebSocket | null = null;
  private sequence = 0;
  private readyWaiters: (() => void)[] = [];
  private identified = false;
  private responseWaiters = new Map<string, (() => void)[]>();
  private commandIds = new Map<string, string>();
  private readonly faults: Fault[] = [];
  /** Every injected error the fake answered with, in order. */
  readonly faultsServed: { route: Fault['route']; status: number; at: number }[] = [];
  /** IDENTIFY and RESUME handshakes the bot made (each new session, each resumed one). */
  identifies = 0;
  resumes = 0;
  /** Requests held back by a delay fault right now. */
  delayed = 0;
  /** The application's signing key for HTTP interactions (contracts §7); its public half is publicKeyHex. */
  private readonly keys = generateKeyPairSync('ed25519');
  /** Where interactions go: the gateway (null), or POSTed, signed, to this Interactions Endpoint URL. */
  private endpoint: string | null = null;

  private constructor(private readonly server: Server, private readonly wss: WebSocketServer, options: FakeOptions) {
    this.deadlineMs = options.deadlineMs ?? 3000;
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  }

  static async start(options: FakeOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    const fake = new FakeDiscord(server, wss, options);
    server.on('request', (req, res) => void fake.handle(req, res));
    wss.on('connection', (socket) => fake.connect(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What DISCORD_API_BASE is set to. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** What DISCORD_PUBLIC_KEY is set to: the 32 raw bytes of the public key, as hex. */
  get publicKeyHex(): string {
    return (this.keys.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex');
  }

  /**
   * From now on, interactions are sent as Discord sends them to an Interactions Endpoint URL:
   * POSTed and signed, the HTTP response taken as the interaction's first response (null: the
   * gateway again). Several replicas are reached by switching the endpoint between interactions.
   */
  sendTo(endpoint: string | null): void {
    this.endpoint = endpoint;
  }

  /** The two headers Discord signs a request with: Ed25519 over the timestamp and the raw body. */
  signatureHeaders(body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
    const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), this.keys.privateKey).toString('hex');
    return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
  }

  /** Resolves once a client has identified and been sent READY and GUILD_CREATE. */
  ready(): Promise<void> {
    if (this.identified) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- sending interactions --------------------------------------------------------------

  /**
   * A user runs a slash command. `ageMs` makes the interaction that old when it arrives; `userId`
   * makes another member of the guild run it (default: the one test user), `permissions` gives
   * the member that permission bit set (default: an ordinary member's, without Manage Server).
   */
  command(name: string, values: Record<string, OptionValue> = {}, ageMs = 0, userId?: string, permissions?: string): InteractionRecord {
    let world = userId ? { ...this.world, user: { ...this.world.user, id: userId, username: `reader-${userId.slice(-4)}` } } : this.world;
    if (permissions) world = { ...world, memberPermissions: permissions };
    const payload = commandInteraction(world, this.newToken(), this.commandId(name), name, values);
    return this.dispatchInteraction(payload, ageMs);
  }

  autocomplete(name: string, values: Record<string, OptionValue>, focused: string): InteractionRecord {
    const payload = autocompleteInteraction(this.world, this.newToken(), this.commandId(name), name, values, focused);
    return this.dispatchInteraction(payload, 0);
  }

  /** A user clicks a button of a message the bot sent. */
  click(message: APIMessage, customId: string): InteractionRecord {
    return this.dispatchInteraction(buttonInteraction(this.world, this.newToken(), message, customId), 0);
  }

  /** Waits until the interaction has `count` responses, or fails after `timeoutMs`. */
  async responses(record: InteractionRecord, count = 1, timeoutMs = 5000): Promise<ResponseRecord[]> {
    const deadline = Date.now() + timeoutMs;
    while (record.responses.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`interaction ${record.payload.id}: ${record.responses.length} of ${count} responses after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        const waiters = this.responseWaiters.get(record.payload.id) ?? [];
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
        this.responseWaiters.set(record.payload.id, waiters);
      });
    }
    return record.responses;
  }

  /** Waits for the interaction's visible reply: a message, or an autocomplete result. */
  async settled(record: InteractionRecord, timeoutMs = 5000): Promise<InteractionRecord> {
    const deadline = Date.now() + timeoutMs;
    for (let count = 1; ; count++) {
      await this.responses(record, count, Math.max(1, deadline - Date.now()));
      const last = record.responses[record.responses.length - 1];
      const deferred = last?.route === 'callback' && (last.type === InteractionResponseType.DeferredChannelMessageWithSource || last.type === InteractionResponseType.DeferredMessageUpdate);
      if (!deferred || last.status >= 400) return record;
    }
  }

  /**
   * The gateway drops the bot's connection with a close code. 1006 (abnormal closure) is never
   * sent in a close frame: the connection is cut instead, which the client sees as 1006.
   */
  dropConnection(code: number): void {
    this.identified = false;
    if (code === 1006) this.socket?.terminate();
    else this.socket?.close(code, 'fake closed the connection');
  }

  /** The gateway says the session is invalid (op 9); not resumable, so the bot must identify anew. */
  invalidateSession(): void {
    this.identified = false;
    if (this.socket) this.send(this.socket, { op: GatewayOpcodes.InvalidSession, d: false });
  }

  private newToken(): string {
    return `itoken-${snowflake()}-${Math.random().toString(36).slice(2)}`;
  }

  private commandId(name: string): string {
    let id = this.commandIds.get(name);
    if (!id) {
      id = snowflake();
      this.commandIds.set(name, id);
    }
    return id;
  }

  private dispatchInteraction(payload: APIInteraction & { id: string }, ageMs: number): InteractionRecord {
    if (ageMs > 0) payload.id = snowflake(Date.now() - ageMs);
    const record: InteractionRecord = { payload, sentAt: Date.now() - ageMs, acknowledged: null, responses: [], message: null, followups: [] };
    this.interactions.set(payload.id, record);
    if (this.endpoint) void this.post(this.endpoint, record);
    else this.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return record;
  }

  /** POSTs a signed interaction; the HTTP response is its callback, checked as the REST callback is. */
  private async post(endpoint: string, record: InteractionRecord): Promise<void> {
    const body = JSON.stringify(record.payload);
    const noAnswer = (detail: string) => this.record(record, { route: 'callback', type: null, body: { error: detail }, status: 0, code: null, at: Date.now() });
    let response: Response;
    try {
      response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...this.signatureHeaders(body) }, body });
    } catch (error) {
      return noAnswer(`the endpoint could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text();
    if (response.status !== 200) return noAnswer(`the endpoint answered ${response.status}: ${text.slice(0, 200)}`);
    let callback: unknown;
    try {
      callback = JSON.parse(text);
    } catch {
      return noAnswer(`the endpoint answered with no JSON: ${text.slice(0, 200)}`);
    }
    this.callback(record.payload.id, record.payload.token, callback, false, () => undefined);
  }

  // ---- gateway ---------------------------------------------------------------------------

  private connect(socket: WebSocket): void {
    this.sockets.add(socket);
    this.socket = socket;
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (raw) => this.onGatewayMessage(socket, String(raw)));
    this.send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatMs } });
  }

  private onGatewayMessage(socket: WebSocket, raw: string): void {
    const message = JSON.parse(raw) as { op: number; d: unknown };
    if (message.op === GatewayOpcodes.Heartbeat) {
      this.heartbeats++;
      this.send(socket, { op: GatewayOpcodes.HeartbeatAck });
    } else if (message.op === GatewayOpcodes.Identify) {
      const { token, shard } = message.d as { token: string; shard?: [number, number] };
      if (token !== this.token) {
        socket.close(4004, 'Authentication failed.');
        return;
      }
      this.identifies++;
      this.sequence = 0;
      const [shardId, shardCount] = shard ?? [0, 1];
      this.shardOf.set(socket, [shardId, shardCount]);
      this.identifiedShards.push([shardId, shardCount]);
      const sessionId = `session-${snowflake()}`;
      // As Discord does: a guild belongs to shard (guild_id >> 22) % shard count, and only that shard hears of it.
      const owns = shardFor(this.world.guildId, shardCount) === shardId;
      const ready = readyPayload(this.world, sessionId, this.gatewayUrl);
      this.dispatchTo(socket, GatewayDispatchEvents.Ready, { ...ready, shard: [shardId, shardCount], guilds: owns ? ready.guilds : [] });
      if (owns) this.dispatchTo(socket, GatewayDispatchEvents.GuildCreate, guildPayload(this.world));
      this.identified = true;
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    } else if (message.op === GatewayOpcodes.Resume) {
      this.resumes++;
      this.dispatchTo(socket, GatewayDispatchEvents.Resumed, {});
      this.identified = true;
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    }
  }

  /** To the connection of the shard that owns the event's guild (the last connection when no shard owns it). */
  private dispatch(event: GatewayDispatchEvents, data: unknown): void {
    const guild = (data as { guild_id?: string }).guild_id;
    const owner = guild === undefined ? undefined : [...this.shardOf].find(([socket, [id, count]]) => this.sockets.has(socket) && shardFor(guild, count) === id)?.[0];
    const socket = owner ?? this.socket;
    if (!socket) throw new Error('no gateway connection');
    this.dispatchTo(socket, event, data);
  }

  private dispatchTo(socket: WebSocket, event: GatewayDispatchEvents, data: unknown): void {
    this.send(socket, { op: GatewayOpcodes.Dispatch, t: event, s: ++this.sequence, d: data });
  }

  private send(socket: WebSocket, payload: unknown): void {
    socket.send(JSON.stringify(payload));
  }

  // ---- REST ------------------------------------------------------------------------------

  /** Injects a fault into the next requests on a route (see Fault). */
  fault(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** The fault for a request on this route, counted as used; null when none is pending. */
  private takeFault(route: Fault['route']): Fault | null {
    const fault = this.faults.find((f) => f.route === route && f.times > 0);
    if (!fault) return null;
    fault.times--;
    return fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(API) ? pathname.slice(API.length) : null;
    const body = await readJson(req);
    const reply: Reply = (status, payload, headers = {}) => {
      res.writeHead(status, { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    if (path === null) return reply(404, { message: '404: Not Found', code: 0 });
    const authorised = req.headers.authorization === `Bot ${this.token}`;
    let match: RegExpExecArray | null;
    if (req.method === 'GET' && (path === '/gateway/bot' || path === '/gateway')) {
      if (!authorised && path === '/gateway/bot') return reply(401, { message: '401: Unauthorized', code: 0 });
      return reply(200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    if (req.method === 'PUT' && (match = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      if (!authorised) return reply(401, { message: '401: Unauthorized', code: 0 });
      if (match[1] !== this.world.applicationId) return reply(403, { message: 'Missing Access', code: 50001 });
      const commands = body as RESTPutAPIApplicationCommandsJSONBody;
      this.registered.push({ route: path, body: commands });
      return reply(200, commands.map((c) => ({ ...c, id: this.commandId(c.name), application_id: this.world.applicationId, version: snowflake() })));
    }
    if (req.method === 'POST' && (match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const [id, token] = [match[1] ?? '', match[2] ?? ''];
      return this.withFault('callback', reply, (answer) => this.callback(id, token, body, url.searchParams.get('with_response') === 'true', answer));
    }
    if ((match = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path))) {
      const [token, messageId] = [match[2] ?? '', match[3] ?? null];
      return this.withFault('webhook', reply, (answer) => this.webhook(req.method ?? 'GET', token, messageId, body, answer));
    }
    this.unknownRoutes.push(`${req.method} ${path}`);
    return reply(404, { message: '404: Not Found', code: 0 });
  }

  /** Handles a request, through the pending fault for its route if there is one. */
  private async withFault(route: Fault['route'], reply: Reply, handle: (reply: Reply) => void): Promise<void> {
    const fault = this.takeFault(route);
    if (fault?.delayMs) {
      this.delayed++;
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      this.delayed--;
    }
    if (!fault?.status) return handle(reply);
    const error = () => {
      this.faultsServed.push({ route, status: fault.status ?? 500, at: Date.now() });
      if (fault.status === 429) {
        const retryAfter = fault.retryAfterSeconds ?? 0.1;
        return reply(429, { message: 'You are being rate limited.', retry_after: retryAfter, global: false }, { 'retry-after': String(retryAfter) });
      }
      return reply(fault.status ?? 500, { message: fault.message ?? 'Internal Server Error', code: fault.code ?? 0 });
    };
    if (fault.afterProcessing) return handle(() => error());
    return error();
  }

  private callback(id: string, token: string, body: unknown, withResponse: boolean, reply: (status: number, payload?: unknown) => void): void {
    const record = this.interactions.get(id);
    const { type, data } = (body ?? {}) as { type?: number; data?: Record<string, unknown> };
    const answer = (status: number, code: number | null, payload?: unknown) => {
      if (record) this.record(record, { route: 'callback', type: type ?? null, body: (body ?? {}) as Record<string, unknown>, status, code, at: Date.now() });
      reply(status, payload);
    };
    if (!record || record.payload.token !== token) return answer(404, 10062, { message: 'Unknown interaction', code: 10062 });
    if (Date.now() - record.sentAt > this.deadlineMs && record.acknowledged === null) {
      return answer(404, 10062, { message: 'Unknown interaction', code: 10062 });
    }
    if (record.acknowledged !== null) return answer(400, 40060, { message: 'Interaction has already been acknowledged.', code: 40060 });
    const problems = this.checkCallback(record, type, data);
    if (problems.length > 0) return answer(400, 50035, invalidFormBody(problems));
    record.acknowledged = type as InteractionResponseType;
    this.checkMentions(record, data);
    if (type === InteractionResponseType.ChannelMessageWithSource) {
      record.message = messageFrom(this.world, data as Partial<APIMessage>, record.payload.id);
    } else if (type === InteractionResponseType.UpdateMessage && record.payload.type === InteractionType.MessageComponent) {
      const original = record.payload.message;
      record.message = { ...original, ...(data as Partial<APIMessage>), flags: original.flags ?? (0 as MessageFlags), edited_timestamp: new Date().toISOString() };
    }
    const resource = record.message ? { type, message: record.message } : { type };
    answer(withResponse ? 200 : 204, null, withResponse ? { interaction: { id, type: record.payload.type }, resource } : undefined);
  }

  private checkCallback(record: InteractionRecord, type: number | undefined, data: Record<string, unknown> | undefined): Problem[] {
    const isAutocomplete = record.payload.type === InteractionType.ApplicationCommandAutocomplete;
    const allowed = isAutocomplete
      ? [InteractionResponseType.ApplicationCommandAutocompleteResult]
      : record.payload.type === InteractionType.MessageComponent
        ? [InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource, InteractionResponseType.DeferredMessageUpdate, InteractionResponseType.UpdateMessage]
        : [InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource];
    if (type === undefined || !allowed.includes(type)) return [{ path: 'type', message: `response type ${type} is not valid for this interaction` }];
    if (type === InteractionResponseType.ApplicationCommandAutocompleteResult) return checkChoices(data);
    if (type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage) return checkMessage(data ?? {});
    return [];
  }

  private webhook(method: string, token: string, messageId: string | null, body: unknown, reply: (status: number, payload?: unknown) => void): void {
    const record = [...this.interactions.values()].find((r) => r.payload.token === token);
    const data = (body ?? {}) as Record<string, unknown>;
    const answer = (route: ResponseRecord['route'], status: number, code: number | null, payload?: unknown) => {
      if (record) this.record(record, { route, type: null, body: data, status, code, at: Date.now() });
      reply(status, payload);
    };
    const route: ResponseRecord['route'] = method === 'POST' ? 'followup' : 'edit';
    if (!record || record.acknowledged === null) return answer(route, 404, 10015, { message: 'Unknown Webhook', code: 10015 });
    if (method === 'GET' && messageId === '@original') return reply(record.message ? 200 : 404, record.message ?? { message: 'Unknown Message', code: 10008 });
    if (method === 'DELETE') return answer('edit', 204, null);
    const problems = checkMessage(data);
    if (problems.length > 0) return answer(route, 400, 50035, invalidFormBody(problems));
    this.checkMentions(record, data);
    if (method === 'POST') {
      const message = messageFrom(this.world, data as Partial<APIMessage>, record.payload.id);
      record.followups.push(message);
      return answer(route, 200, null, message);
    }
    if (method === 'PATCH' && messageId === '@original') {
      const deferredFlags = record.acknowledged === InteractionResponseType.DeferredChannelMessageWithSource
        ? (record.responses[0]?.body.data as { flags?: number } | undefined)?.flags ?? 0
        : undefined;
      const base = record.message ?? messageFrom(this.world, { flags: deferredFlags ?? 0 }, record.payload.id);
      record.message = { ...base, ...(data as Partial<APIMessage>), flags: base.flags ?? (0 as MessageFlags), edited_timestamp: new Date().toISOString() };
      return answer(route, 200, null, record.message);
    }
    return answer(route, 404, 10008, { message: 'Unknown Message', code: 10008 });
  }

  /** Flags a reply that could ping: allowed_mentions missing or permitting any mention. */
  private checkMentions(record: InteractionRecord, data: Record<string, unknown> | undefined): void {
    if (!data || !('content' in data || 'embeds' in data)) return;
    const allowed = data.allowed_mentions as { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean } | undefined;
    const safe = allowed && Array.isArray(allowed.parse) && allowed.parse.length === 0 && !(allowed.users?.length) && !(allowed.roles?.length);
    if (!safe) {
      this.violations.push({ interaction: record.payload.id, rule: 'allowed_mentions', detail: `a reply could ping: allowed_mentions ${JSON.stringify(allowed ?? null)}` });
    }
  }

  private record(record: InteractionRecord, response: ResponseRecord): void {
    record.responses.push(response);
    for (const wake of this.responseWaiters.get(record.payload.id)?.splice(0) ?? []) wake();
  }
}

/** The shard a guild's events go to (Discord's sharding formula). */
export function shardFor(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

function invalidFormBody(problems: Problem[]): unknown {
  const errors: Record<string, unknown> = {};
  for (const problem of problems) errors[problem.path] = { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: problem.message }] };
  return { message: 'Invalid Form Body', code: 50035, errors };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const json = /name="payload_json"\r\n(?:[^\r\n]*\r\n)*\r\n([\s\S]*?)\r\n--/.exec(text)?.[1];
    return json ? JSON.parse(json) : undefined;
  }
  return JSON.parse(text);
}

/** True when a message body sets the ephemeral flag. */
export function isEphemeral(body: { flags?: number } | undefined): boolean {
  return ((body?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

export type { APIEmbed, APIMessage };
