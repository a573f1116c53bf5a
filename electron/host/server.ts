/**
 * The loopback host: the same contract the Electron shell relays over IPC, served over
 * HTTP on 127.0.0.1 for a browser (`npm start` without Electron, the Playwright tests).
 *
 * - binds 127.0.0.1 only, never a public interface;
 * - a random secret per run: `Authorization: Bearer <token>` on every call, `?token=` on
 *   the event stream (EventSource cannot send headers);
 * - the Host header must name this very listener (127.0.0.1:port or localhost:port),
 *   which defeats DNS rebinding; a foreign Origin is refused;
 * - the built renderer is served with a strict Content-Security-Policy;
 * - `POST /api/places/list` is the browser's file and folder picker (./picker.ts): only inside
 *   the places, for a station signed in as the desktop's dialogs are.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChangeEvent } from '../../core/domain.js';
import { type Result, refuse } from '../../core/result.js';
import type { Backend } from '../../db/backend-types.js';
import { CONTENT_SECURITY_POLICY } from '../security.js';
import { admitShell } from '../shell-gate.js';
import { resolveStaticFile } from '../static-files.js';
import { listPlaces } from './picker.js';

export const MAX_BODY_BYTES = 80 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';

export interface LoopbackHostOptions {
  backend: Backend;
  /** The built renderer, normally `dist/renderer`. */
  staticDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Absent: 32 random bytes, hex. */
  token?: string;
  /** For tests; defaults to 80 MB. */
  maxBodyBytes?: number;
  /** For tests; how often the event stream sends a keep-alive comment. */
  keepAliveMs?: number;
}

export interface LoopbackHost {
  /** The address to open, token included: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  const { backend, staticDir } = options;
  const token = options.token ?? randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token, 'utf8');
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const streams = new Set<http.ServerResponse>();
  let port = 0;

  const tokenMatches = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate, 'utf8');
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  const hostAllowed = (host: string | undefined): boolean =>
    host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;

  const originAllowed = (origin: string | undefined): boolean =>
    origin === undefined || origin === `http://${LOOPBACK}:${port}` || origin === `http://localhost:${port}`;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[host] request failed:', error);
      if (!res.headersSent) sendJson(res, 500, internalError());
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host)) {
      sendText(res, 403, 'Forbidden: unexpected Host header');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
    if (url.pathname === '/api/invoke') {
      await handleInvoke(req, res);
      return;
    }
    if (url.pathname === '/api/places/list') {
      await handlePlaces(req, res);
      return;
    }
    if (url.pathname === '/api/events') {
      handleEvents(req, res, url);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      sendJson(res, 404, refuse('unknown_channel', 'host.unknown_route'));
      return;
    }
    await handleStatic(req, res);
  }

  /**
   * A POST of this page's own script: its Origin, its token, a JSON body within the limit. The
   * parsed body, or undefined once the refusal is sent.
   */
  async function readCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendText(res, 405, 'Method Not Allowed');
      return undefined;
    }
    if (!originAllowed(req.headers.origin)) {
      sendText(res, 403, 'Forbidden: foreign Origin');
      return undefined;
    }
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !tokenMatches(auth.slice('Bearer '.length))) {
      sendJson(res, 401, refuse('invalid_input', 'host.bad_token'));
      return undefined;
    }
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBody) {
      tooLarge(res);
      return undefined;
    }
    const body = await readBody(req, maxBody);
    if (body === null) {
      tooLarge(res);
      return undefined;
    }
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, refuse('invalid_input', 'host.bad_json'));
      return undefined;
    }
  }

  async function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const parsed = await readCall(req, res);
    if (parsed === undefined) return;
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      typeof (parsed as { channel?: unknown }).channel !== 'string'
    ) {
      sendJson(res, 400, {
        ok: false,
        error: refuse('invalid_input', 'host.bad_request', { shape: '{channel, input, ctx}' }, { field: 'channel' })
          .error,
      });
      return;
    }
    const { channel, input, ctx } = parsed as { channel: string; input?: unknown; ctx?: unknown };
    let result: Result<unknown>;
    try {
      result = await backend.invoke(channel, input, ctx);
    } catch (error) {
      console.error(`[host] ${channel} threw:`, error);
      sendJson(res, 500, internalError());
      return;
    }
    sendJson(res, 200, result);
  }

  /**
   * `POST /api/places/list {dir, ctx}`: the browser's picker (electron/host/picker.ts), the places
   * (dir null) or the entries of a folder inside one. Admitted as the desktop's open dialog is
   * (a locked station lists nothing), and never outside the places the backend names now.
   */
  async function handlePlaces(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const parsed = await readCall(req, res);
    if (parsed === undefined) return;
    const dir = (parsed as { dir?: unknown } | null)?.dir;
    if (typeof parsed !== 'object' || parsed === null || !(dir === null || typeof dir === 'string')) {
      sendJson(res, 400, {
        ok: false,
        error: refuse('invalid_input', 'host.bad_request', { shape: '{dir, ctx}' }, { field: 'dir' }).error,
      });
      return;
    }
    const ask = (channel: string, input: unknown, ctx: unknown) => backend.invoke(channel, input, ctx);
    const gate = await admitShell('shell.openDialog', (parsed as { ctx?: unknown }).ctx, ask);
    if (!gate.ok) {
      sendJson(res, 200, gate);
      return;
    }
    sendJson(res, 200, await listPlaces(await backend.places(), dir));
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      sendText(res, 405, 'Method Not Allowed');
      return;
    }
    if (!tokenMatches(url.searchParams.get('token'))) {
      sendText(res, 401, 'Unauthorized');
      return;
    }
    res.writeHead(200, {
      ...BASE_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 1000\n: connected\n\n');
    streams.add(res);
    const unsubscribe = backend.onChange((event: ChangeEvent) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
    keepAlive.unref();
    const done = () => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', done);
    res.on('close', done);
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method Not Allowed');
      return;
    }
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const found = await resolveStaticFile(staticDir, rawPath);
    if (!found) {
      const built = await resolveStaticFile(staticDir, '/index.html');
      if (!built) sendText(res, 503, 'The renderer is not built: run `npm run build:renderer`.');
      else sendText(res, 404, 'Not Found');
      return;
    }
    const isHtml = found.contentType.startsWith('text/html');
    res.writeHead(200, {
      ...BASE_HEADERS,
      'Content-Type': found.contentType,
      'Content-Length': String(found.body.length),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': isHtml ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : found.body);
  }

  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Answer 413, then drop the connection rather than read the rest of the body. */
function tooLarge(res: http.ServerResponse): void {
  res.setHeader('Connection', 'close');
  res.on('finish', () => res.req.socket.destroy());
  sendJson(res, 413, refuse('invalid_input', 'host.too_large', { max: 80 }));
}

const internalError = (): Result<never> => refuse('internal', 'host.internal');

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
