/**
 * The Venue (issue 14): the HTTPS listener that serves the congress's LanHost to the stations on
 * the venue network, on exactly the address the secretariat picked, with this laptop's
 * certificate for the congress (db/lan/cert.ts). The wire is core/lan/protocol.ts.
 *
 * - No CA, no host name, no Host-header check: stations reach it by IP and pin its certificate.
 * - Every route but /lan/pair needs `Authorization: Station <id>.<secret>`, checked by the
 *   LanHost before any body is read, so a stranger cannot make it buffer 80 MB.
 * - A request carrying an Origin header is a browser's, never a station's: refused, so a web page
 *   on a delegate's phone cannot try codes through someone's browser. No CORS, no static files.
 * - Answers: 200 with the schema's JSON, or `{ ok: false, error }` with the status `statusOf`
 *   gives its reason (401 credential or code, 403 revoked or wrong kind, 429 pairing locked,
 *   400 bad body, 413 too large, 503 not promoted).
 * - Nothing of a credential, a code or a body is logged.
 */
import { createReadStream, rmSync, statSync } from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { beat, held, lanCall, pairRequest } from '../../../core/lan/protocol.js';
import { type AppError, type Result, refuse } from '../../../core/result.js';
import { isLocalAddress } from '../addresses.js';
import { certificateFor } from '../cert.js';
import type { LanHost, StationIdentity, Venue, VenueState } from '../types.js';

/** Scanned pages come through /lan/invoke (scan.receive): as much as the loopback host takes. */
export const MAX_INVOKE_BYTES = 80 * 1024 * 1024;
/** Every other body is a few hundred bytes. */
export const MAX_SMALL_BODY_BYTES = 64 * 1024;

export interface VenueOptions {
  /** How often an event stream sends a keep-alive comment (and checks its station is still paired). */
  keepAliveMs?: number;
  maxInvokeBytes?: number;
  maxSmallBodyBytes?: number;
  /** A client must have sent its headers within this (slow-loris). */
  headersTimeoutMs?: number;
  /** …and its whole request within this: 80 MB over a slow venue Wi-Fi takes a while. */
  requestTimeoutMs?: number;
  /** An event stream whose station stopped reading (a pulled cable) is dropped past this much unsent. */
  maxStreamBacklogBytes?: number;
  /** An event stream writes at most once in this many ms, the same change once (10 ms). */
  coalesceMs?: number;
}

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** The status a refusal travels with (design.md "The wire"); the body says the reason. */
export function statusOf(error: AppError): number {
  switch (error.reason) {
    case 'lan.bad_credential':
    case 'lan.bad_code':
    case 'lan.code_expired':
    case 'lan.code_used_up':
      return 401;
    case 'lan.revoked':
    case 'lan.not_standby':
    case 'lan.not_a_station':
      return 403;
    case 'lan.address_locked':
      return 429;
    case 'lan.not_promoted':
      return 503;
    case 'lan.too_large':
      return 413;
  }
  switch (error.code) {
    case 'invalid_input':
      return 400;
    case 'no_congress_open':
      return 503;
    case 'internal':
      return 500;
    default:
      return 409;
  }
}

/** `::ffff:10.0.0.2` and `10.0.0.2` are one station: the address the pairing limits count by. */
const remoteOf = (req: http.IncomingMessage): string => (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');

/** What the Venue serves of the LanHost: the wire's side of it, nothing of the secretariat's screen. */
export type WireHost = Pick<
  LanHost,
  'pair' | 'authenticate' | 'invoke' | 'beat' | 'held' | 'snapshot' | 'onChange' | 'onSafe'
>;

export function createVenue(host: WireHost, dataDir: string, options: VenueOptions = {}): Venue {
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const maxInvoke = options.maxInvokeBytes ?? MAX_INVOKE_BYTES;
  const maxSmall = options.maxSmallBodyBytes ?? MAX_SMALL_BODY_BYTES;
  const maxBacklog = options.maxStreamBacklogBytes ?? 4 * 1024 * 1024;
  const coalesceMs = options.coalesceMs ?? 10;

  const closed: VenueState = { open: false, address: null, port: null, fingerprint: null };
  let current: { server: https.Server; state: VenueState; uid: string; streams: Set<http.ServerResponse> } | null =
    null;
  // open and close one at a time: a second open while the first is listening would race for the port.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function stop(): Promise<void> {
    const was = current;
    current = null;
    if (!was) return;
    for (const stream of was.streams) stream.end();
    was.streams.clear();
    await new Promise<void>((resolve) => {
      was.server.close(() => resolve());
      was.server.closeAllConnections();
    });
  }

  async function start(address: string, port: number, congressUid: string): Promise<Result<VenueState>> {
    if (!isLocalAddress(address)) return refuse('invalid_input', 'lan.bad_address', { address });
    const sameSocket = current?.state.address === address && current.state.port === port;
    if (sameSocket && current?.uid === congressUid) return { ok: true, value: current.state };
    // Moving to another address or port: the one open now stays until the new one listens, so a
    // port in use there does not cut every station off here.
    if (sameSocket) await stop();
    const { key, cert, fingerprint } = await certificateFor(dataDir, congressUid);
    const streams = new Set<http.ServerResponse>();
    const headersTimeout = options.headersTimeoutMs ?? 10_000;
    // Node looks for slow requests only this often (30 s unless told): a slow-loris client is
    // dropped within headersTimeout plus this.
    const connectionsCheckingInterval = Math.min(2_000, headersTimeout);
    const server = https.createServer({ key, cert, minVersion: 'TLSv1.3', connectionsCheckingInterval }, (req, res) => {
      handle(req, res, fingerprint, streams).catch((error: unknown) => {
        console.error(`[venue] ${req.method} ${(req.url ?? '').split('?')[0]} failed:`, (error as Error)?.message);
        if (!res.headersSent) sendJson(res, 500, refuse('internal', 'host.internal'));
        else res.destroy();
      });
    });
    server.headersTimeout = headersTimeout;
    server.requestTimeout = options.requestTimeoutMs ?? 10 * 60_000;
    // Longer than a beat's interval, so a station's kept-alive socket is still there for its next call.
    server.keepAliveTimeout = 65_000;
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      else socket.destroy();
    });
    const listening = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      server.once('error', resolve);
      server.listen({ host: address, port, exclusive: true }, () => {
        server.off('error', resolve);
        resolve(null);
      });
    });
    if (listening) {
      server.close();
      if (listening.code === 'EADDRINUSE') return refuse('conflict', 'lan.port_in_use', { address, port });
      if (listening.code === 'EADDRNOTAVAIL') return refuse('invalid_input', 'lan.bad_address', { address });
      return refuse('internal', 'call.internal', { detail: listening.code ?? listening.message });
    }
    const bound = (server.address() as AddressInfo).port;
    const state: VenueState = { open: true, address, port: bound, fingerprint };
    await stop();
    current = { server, state, uid: congressUid, streams };
    return { ok: true, value: state };
  }

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    fingerprint: string,
    streams: Set<http.ServerResponse>,
  ): Promise<void> {
    const route = (req.url ?? '/').split('?')[0];
    const from = remoteOf(req);
    if (req.headers.origin !== undefined) {
      refuseUnread(res, refuse('forbidden', 'lan.not_a_station'));
      return;
    }
    const method = ROUTES[route as keyof typeof ROUTES];
    if (!method) {
      refuseUnread(res, refuse('unknown_channel', 'host.unknown_route'), 404);
      return;
    }
    if (req.method !== method) {
      res.setHeader('Allow', method);
      refuseUnread(res, refuse('invalid_input', 'host.bad_request', { shape: `${method} ${route}` }), 405);
      return;
    }

    if (route === '/lan/pair') {
      const request = await readBody(req, res, pairRequest, maxSmall, 'PairRequest');
      if (!request) return;
      answer(res, await host.pair(request, from, fingerprint));
      return;
    }

    const authorization = req.headers.authorization;
    const who = host.authenticate(authorization);
    if (!who.ok) {
      refuseUnread(res, who);
      return;
    }
    const station = who.value;
    switch (route) {
      case '/lan/invoke': {
        const call = await readBody(req, res, lanCall, maxInvoke, 'LanCall');
        if (call) sendJson(res, 200, await host.invoke(station, call, from));
        return;
      }
      case '/lan/beat': {
        const said = await readBody(req, res, beat, maxSmall, 'Beat');
        if (said) sendJson(res, 200, host.beat(station, said, from));
        return;
      }
      case '/lan/held': {
        const copy = await readBody(req, res, held, maxSmall, 'Held');
        if (copy) answer(res, host.held(station, copy));
        return;
      }
      case '/lan/events':
        events(req, res, authorization, streams);
        return;
      case '/lan/snapshot':
        await snapshot(res, station);
        return;
    }
  }

  /**
   * Change events as `data:` lines, the copy off the host as `event: safe`. The stream ends when
   * the venue closes, or when its station is revoked (checked at every event and keep-alive).
   */
  function events(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    authorization: string | undefined,
    streams: Set<http.ServerResponse>,
  ): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    req.socket.setNoDelay(true);
    res.write(': connected\n\n');
    streams.add(res);
    let ended = false;
    /**
     * What waits to be written: a busy door makes a change a few milliseconds apart, and every
     * station's window refetches on each, so the same event within `coalesceMs` is written once,
     * and only the newest safe point. The first after a quiet spell goes at once (the board).
     */
    const pending: string[] = [];
    let safe: string | null = null;
    let flushTimer: { cancel(): void } | null = null;
    let flushedAt = 0;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(keepAlive);
      flushTimer?.cancel();
      offChange();
      offSafe();
      streams.delete(res);
      res.end();
    };
    const flush = () => {
      flushTimer = null;
      flushedAt = Date.now();
      // Closing the venue ends the stream before its 'close' event runs `end`.
      if (ended || res.writableEnded) return;
      if (!host.authenticate(authorization).ok) {
        end();
        return;
      }
      // A station that stopped reading (cable pulled, laptop asleep) reconnects and reads afresh;
      // its backlog must not grow in the host's memory meanwhile.
      if (res.writableLength > maxBacklog) {
        end();
        res.destroy();
        return;
      }
      const text = pending.join('') + (safe ?? '');
      pending.length = 0;
      safe = null;
      if (text) res.write(text);
    };
    const send = (text: string, kind: 'change' | 'safe' | 'alive') => {
      if (ended) return;
      if (kind === 'safe') safe = text;
      else if (kind === 'change' ? !pending.includes(text) : pending.length === 0 && safe === null) pending.push(text);
      if (flushTimer) return;
      const wait = flushedAt + coalesceMs - Date.now();
      if (wait > 0) {
        const timer = setTimeout(flush, wait);
        flushTimer = { cancel: () => clearTimeout(timer) };
      } else {
        const immediate = setImmediate(flush);
        flushTimer = { cancel: () => clearImmediate(immediate) };
      }
    };
    const offChange = host.onChange((event) => send(`data: ${JSON.stringify(event)}\n\n`, 'change'));
    const offSafe = host.onSafe((safeSeq) => send(`event: safe\ndata: ${JSON.stringify({ safeSeq })}\n\n`, 'safe'));
    const keepAlive = setInterval(() => send(': keep-alive\n\n', 'alive'), keepAliveMs);
    keepAlive.unref();
    req.on('close', end);
    res.on('close', end);
  }

  /** The standby's copy: the temp file the LanHost made, streamed as it is, then deleted whatever happened. */
  async function snapshot(res: http.ServerResponse, station: StationIdentity): Promise<void> {
    const made = await host.snapshot(station);
    if (!made.ok) {
      answer(res, made);
      return;
    }
    const { file, seq } = made.value;
    try {
      const size = statSync(file).size;
      res.writeHead(200, {
        'Content-Type': 'application/vnd.sqlite3',
        'Content-Length': String(size),
        'Cache-Control': 'no-store',
        'X-Audit-Seq': String(seq),
      });
      await pipeline(createReadStream(file), res).catch(() => {
        // The standby went away mid-copy: it asks again; the file goes all the same.
      });
    } finally {
      rmSync(file, { force: true });
    }
  }

  /** A body within `limit`, parsed by its schema; undefined once the refusal is sent. */
  async function readBody<S extends z.ZodType>(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    schema: S,
    limit: number,
    shape: string,
  ): Promise<z.output<S> | undefined> {
    const max = limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MB` : `${Math.round(limit / 1024)} KB`;
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      refuseUnread(res, refuse('invalid_input', 'lan.too_large', { max }));
      return undefined;
    }
    const bytes = await collect(req, limit);
    if (bytes === null) {
      refuseUnread(res, refuse('invalid_input', 'lan.too_large', { max }));
      return undefined;
    }
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      sendJson(res, 400, refuse('invalid_input', 'host.bad_json'));
      return undefined;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') ?? '';
      sendJson(res, 400, refuse('invalid_input', 'host.bad_request', { shape }, field ? { field } : {}));
      return undefined;
    }
    return parsed.data;
  }

  return {
    open: (address, port, congressUid) => serially(() => start(address, port, congressUid)),
    close: () => serially(stop),
    state: () => current?.state ?? closed,
    fingerprintFor: async (congressUid) => (await certificateFor(dataDir, congressUid)).fingerprint,
  };
}

const ROUTES = {
  '/lan/pair': 'POST',
  '/lan/invoke': 'POST',
  '/lan/beat': 'POST',
  '/lan/held': 'POST',
  '/lan/events': 'GET',
  '/lan/snapshot': 'GET',
} as const;

function answer(res: http.ServerResponse, result: Result<unknown>): void {
  if (result.ok) sendJson(res, 200, result.value);
  else sendJson(res, statusOf(result.error), result);
}

/**
 * A refusal said before the body was read: the connection closes after it rather than read a
 * body nobody wants (up to 80 MB from a stranger).
 */
function refuseUnread(res: http.ServerResponse, refusal: { ok: false; error: AppError }, status?: number): void {
  res.setHeader('Connection', 'close');
  res.on('finish', () => res.req.socket.destroySoon());
  sendJson(res, status ?? statusOf(refusal.error), refusal);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { ...JSON_HEADERS, 'Content-Length': String(Buffer.byteLength(text)) };
  if (status === 503) headers['Retry-After'] = '1';
  res.writeHead(status, headers);
  res.end(text);
}

/** The body, or null past `limit` (the rest is not read). */
function collect(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
