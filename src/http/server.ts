import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord.js';
import { isSignedByDiscord } from './signature.js';
import { apology, type InteractionCallback } from './transport.js';
import type { Logger } from '../log.js';
import { errorFields } from '../log.js';

/** What the server needs from the rest of the process. */
export interface InteractionsServerOptions {
  port: number;
  host?: string;
  publicKey: KeyObject;
  log: Logger;
  /** Answers a verified interaction (see InteractionTransport.answer). */
  answer(payload: APIInteraction): Promise<InteractionCallback>;
  /** Whether the index is open and answering. */
  ready(): boolean;
  /** The Prometheus text for GET /metrics. */
  metrics(): Promise<{ contentType: string; text: string }>;
}

export interface InteractionsServer {
  readonly port: number;
  /** Stops taking requests (healthz says so), finishes those under way (up to `graceMs`), closes. */
  close(graceMs?: number): Promise<void>;
}

// Discord's interaction payloads are a few kilobytes; a body past this is not one.
const MAX_BODY_BYTES = 1 << 20;
const STARTING = 'Verbatim is starting: ask again in a moment.';
const STOPPING = 'Verbatim is restarting: ask again in a moment.';
const DEFAULT_GRACE_MS = 10_000;

/**
 * Discord's Interactions Endpoint (contracts §7): POST /interactions, signed with Ed25519 and
 * checked before anything else is read; GET /healthz for load balancers; GET /metrics for
 * Prometheus. Holds no state a request needs from another, so any number run side by side.
 */
export async function startInteractionsServer(options: InteractionsServerOptions): Promise<InteractionsServer> {
  let stopping = false;
  const underWay = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const work = route(request, response, options, () => stopping).catch((error: unknown) => {
      options.log.error(errorFields(error), 'http request failed');
      if (!response.headersSent) send(response, 500, { error: 'internal error' });
    });
    underWay.add(work);
    void work.finally(() => underWay.delete(work));
  });
  // Slow or idle clients never hold a replica: Discord sends the whole request at once.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  await listen(server, options.port, options.host);
  return {
    port: (server.address() as AddressInfo).port,
    async close(graceMs = DEFAULT_GRACE_MS) {
      stopping = true;
      // No new connections; idle kept-alive ones are closed, busy ones finish their request.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([Promise.allSettled([...underWay]).then(() => undefined), timer]);
      server.closeAllConnections();
      await closed;
    },
  };
}

function listen(server: Server, port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function route(request: IncomingMessage, response: ServerResponse, options: InteractionsServerOptions, stopping: () => boolean): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (stopping()) response.setHeader('connection', 'close');
  if (path === '/interactions') {
    if (request.method !== 'POST') return send(response, 405, { error: 'use POST' }, { allow: 'POST' });
    return interactions(request, response, options, stopping);
  }
  if (path === '/healthz') {
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { error: 'use GET' }, { allow: 'GET' });
    const status = stopping() ? 'stopping' : options.ready() ? 'ready' : 'starting';
    return send(response, status === 'ready' ? 200 : 503, { status });
  }
  if (path === '/metrics') {
    if (request.method !== 'GET') return send(response, 405, { error: 'use GET' }, { allow: 'GET' });
    const { contentType, text } = await options.metrics();
    response.writeHead(200, { 'content-type': contentType });
    response.end(text);
    return;
  }
  send(response, 404, { error: 'not found' });
}

async function interactions(request: IncomingMessage, response: ServerResponse, options: InteractionsServerOptions, stopping: () => boolean): Promise<void> {
  const body = await readBody(request);
  if (body === null) return send(response, 413, { error: 'body too large' });
  // Nothing of an unsigned request is read: the signature is checked on the raw bytes first.
  const signature = header(request, 'x-signature-ed25519');
  const timestamp = header(request, 'x-signature-timestamp');
  if (!isSignedByDiscord(options.publicKey, signature, timestamp, body)) return send(response, 401, { error: 'invalid request signature' });
  let payload: APIInteraction;
  try {
    payload = JSON.parse(body.toString('utf8')) as APIInteraction;
  } catch {
    return send(response, 400, { error: 'the body is not JSON' });
  }
  if (typeof payload !== 'object' || payload === null || typeof payload.type !== 'number') return send(response, 400, { error: 'not an interaction' });
  if (payload.type === InteractionType.Ping) return send(response, 200, { type: InteractionResponseType.Pong });
  if (typeof payload.id !== 'string' || typeof payload.token !== 'string') return send(response, 400, { error: 'not an interaction' });
  if (stopping()) return send(response, 200, apology(payload, STOPPING));
  if (!options.ready()) return send(response, 200, apology(payload, STARTING));
  send(response, 200, await options.answer(payload));
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The raw body, or null past MAX_BODY_BYTES (the rest is not read). */
async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(payload);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}
