import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../core/domain.js';
import { ok, type Result, refuse } from '../../core/result.js';
import type { Backend } from '../../db/backend-types.js';
import { type LoopbackHost, startLoopbackHost } from '../../electron/host/server.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.js';

/** An in-memory Backend: echoes calls, and `attendance.checkIn` emits a change event. */
function fakeBackend() {
  const listeners = new Set<(event: ChangeEvent) => void>();
  const calls: { channel: string; input: unknown; ctx: unknown }[] = [];
  const backend: Backend = {
    async invoke(channel, input, ctx): Promise<Result<unknown>> {
      calls.push({ channel, input, ctx });
      if (channel === 'attendance.checkIn') {
        for (const listener of listeners) listener({ topic: 'attendance', meetingId: 1 });
        return ok({ outcome: 'checked_in' });
      }
      if (channel === 'boom') throw new Error('bug');
      if (channel === 'app.info') return ok({ appVersion: '0.1.0', echo: input });
      return refuse('unknown_channel', 'call.unknown_channel', { channel });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {},
    places: async () => [],
    addPlace() {},
  };
  return { backend, calls, listeners };
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

let root: string;
let staticDir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'congress-host-'));
  staticDir = path.join(root, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>会务台</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(staticDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(root, 'secret.txt'), 'TOP SECRET');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loopback host', () => {
  let host: LoopbackHost;
  let fake: ReturnType<typeof fakeBackend>;

  const start = async (extra: { maxBodyBytes?: number } = {}) => {
    fake = fakeBackend();
    host = await startLoopbackHost({ backend: fake.backend, staticDir, ...extra });
    return host;
  };
  const invoke = (body: unknown, headers: Record<string, string> = {}) =>
    request(host.port, {
      method: 'POST',
      path: '/api/invoke',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${host.token}`,
        Host: `127.0.0.1:${host.port}`,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  afterEach(async () => {
    await host?.close();
  });

  it('listens on 127.0.0.1 only, with a random token per run in the URL', async () => {
    await start();
    const first = host.token;
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);

    // Not on IPv6 loopback, not on any other interface of this machine.
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && a.address !== '127.0.0.1');
    for (const address of ['::1', ...others.map((a) => a.address)]) {
      const reachable = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port: host.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      expect(reachable, `reachable on ${address}`).toBe(false);
    }

    await host.close();
    await start();
    expect(host.token).not.toBe(first);
  });

  it('answers a call with the backend Result, passing channel, input and ctx through', async () => {
    await start();
    const res = await invoke({ channel: 'app.info', input: { a: 1 }, ctx: { operator: '张三', station: '报到处1' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { appVersion: '0.1.0', echo: { a: 1 } } });
    expect(fake.calls).toEqual([
      { channel: 'app.info', input: { a: 1 }, ctx: { operator: '张三', station: '报到处1' } },
    ]);

    const unknown = await invoke({ channel: 'nope', input: {}, ctx: {} });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });

    const thrown = await invoke({ channel: 'boom', input: {}, ctx: {} });
    expect(thrown.status).toBe(500);
    expect(JSON.parse(thrown.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses a missing or wrong token with 401 and never reaches the backend', async () => {
    await start();
    const none = await invoke({ channel: 'app.info', input: {}, ctx: {} }, { Authorization: '' });
    expect(none.status).toBe(401);
    const wrong = await invoke(
      { channel: 'app.info', input: {}, ctx: {} },
      { Authorization: `Bearer ${'0'.repeat(64)}` },
    );
    expect(wrong.status).toBe(401);
    const prefix = await invoke(
      { channel: 'app.info', input: {}, ctx: {} },
      { Authorization: `Bearer ${host.token}x` },
    );
    expect(prefix.status).toBe(401);
    const events = await request(host.port, {
      path: '/api/events?token=wrong',
      headers: { Host: `127.0.0.1:${host.port}` },
    });
    expect(events.status).toBe(401);
    expect(fake.calls).toEqual([]);
  });

  it('rejects a Host header that is not this listener (DNS rebinding) and a foreign Origin', async () => {
    await start();
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1']) {
      const res = await invoke({ channel: 'app.info', input: {}, ctx: {} }, { Host: hostHeader });
      expect(res.status, hostHeader).toBe(403);
      const page = await request(host.port, { path: '/', headers: { Host: hostHeader } });
      expect(page.status, hostHeader).toBe(403);
    }
    const localhost = await invoke({ channel: 'app.info', input: {}, ctx: {} }, { Host: `localhost:${host.port}` });
    expect(localhost.status).toBe(200);
    const foreign = await invoke({ channel: 'app.info', input: {}, ctx: {} }, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(fake.calls).toHaveLength(1);
  });

  it('answers 400 to bad JSON and to a body without a channel', async () => {
    await start();
    expect((await invoke('{not json')).status).toBe(400);
    expect((await invoke({ input: {} })).status).toBe(400);
    expect((await invoke('[]')).status).toBe(400);
    expect(fake.calls).toEqual([]);
  });

  it('answers 413 to a body over the limit, declared or streamed', async () => {
    await start({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ channel: 'app.info', input: { blob: 'x'.repeat(4096) }, ctx: {} });
    expect((await invoke(big)).status).toBe(413);
    // Chunked: no Content-Length, the limit is counted while reading.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/invoke',
          headers: { Authorization: `Bearer ${host.token}`, 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 8; i++) req.write('x'.repeat(512));
      req.end();
    });
    expect(streamed).toBe(413);
    expect(fake.calls).toEqual([]);
  });

  it('the default limit is 80 MB', async () => {
    await start();
    const res = await invoke('{}', { 'Content-Length': String(80 * 1024 * 1024 + 1) }).catch(() => null);
    expect(res?.status ?? 413).toBe(413);
  });

  it('serves the renderer with content types and a strict CSP, and falls back to index.html', async () => {
    await start();
    const index = await request(host.port, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('会务台');
    // The app's one policy (its directives are tested in security.test.ts), served as it is.
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(index.headers['x-content-type-options']).toBe('nosniff');

    const js = await request(host.port, { path: '/assets/app.js', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await request(host.port, { path: '/assets/app.css', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');

    const route = await request(host.port, { path: '/board/live', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(route.status).toBe(200);
    expect(route.body).toContain('会务台');
    const missing = await request(host.port, {
      path: '/assets/missing.js',
      headers: { Host: `127.0.0.1:${host.port}` },
    });
    expect(missing.status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    await start();
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets%5c..%5c..%5csecret.txt',
      '/%252e%252e/secret.txt',
      `/${encodeURIComponent(path.join(root, 'secret.txt'))}`,
      '//secret.txt',
      '/assets/app.js%00.html',
    ];
    for (const attempt of attempts) {
      const res = await request(host.port, { path: attempt, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(res.body, attempt).not.toContain('TOP SECRET');
    }
  });

  it('streams change events to an authorised event stream, and stops listening when it closes', async () => {
    await start();
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}` }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          if (buffer.includes(': connected')) {
            void invoke({ channel: 'attendance.checkIn', input: { meetingId: 1, delegateId: 1 }, ctx: {} });
          }
          const match = /data: (.*)\n\n/.exec(buffer);
          if (match?.[1]) {
            resolve(match[1]);
            req.destroy();
          }
        });
      });
      req.on('error', (error) => {
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
      });
    });
    expect(JSON.parse(await received)).toEqual({ topic: 'attendance', meetingId: 1 });
    await expect.poll(() => fake.listeners.size).toBe(0);
  });

  it('sends keep-alive comments on the event stream', async () => {
    fake = fakeBackend();
    host = await startLoopbackHost({ backend: fake.backend, staticDir, keepAliveMs: 50 });
    const text = await new Promise<string>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}` }, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          if (buffer.includes(': keep-alive\n\n')) {
            resolve(buffer);
            req.destroy();
          }
        });
      });
      req.on('error', () => undefined);
    });
    expect(text).toContain(': keep-alive');
  });
});
