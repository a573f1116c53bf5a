/**
 * The station's HTTPS client to its host, with the host's certificate pinned by fingerprint
 * (design.md "Pinning"): no CA, no host name. A new TLS socket is handed to a request only after
 * its peer certificate matched the pin, so neither the credential in the headers nor the body
 * is ever written to a socket whose certificate is not the pinned one. Sockets are kept alive
 * per peer (a check-in should not pay a handshake each time); each new one is checked.
 */
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';

export interface PinnedPeer {
  address: string;
  port: number;
  /** The pinned fingerprint (64 lowercase hex), or null at pairing only: then whatever is seen is reported. */
  fingerprint: string | null;
  /**
   * At pairing, the start of the fingerprint as read off the host's screen (lowercase hex): a
   * socket whose certificate does not begin so is closed before a byte of the request (the code)
   * is sent.
   */
  expectPrefix?: string;
}

export interface WireRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (the standby's copy loop makes its own bodies); `body` is then ignored. */
  raw?: Buffer;
  timeoutMs: number;
}

export type WireAnswer =
  | {
      ok: true;
      status: number;
      /** The certificate the peer presented (the pinned one, or at pairing whatever it was). */
      fingerprint: string;
      body: Buffer;
      headers: Record<string, string | string[] | undefined>;
      /** This laptop's address on the socket: where a standby's own venue will listen. */
      localAddress: string | null;
    }
  | {
      ok: false;
      /** pin_mismatch: the peer's certificate is not the pinned one (nothing was sent); timeout; network: no connection or it broke. */
      failure: 'pin_mismatch' | 'timeout' | 'network';
      fingerprint: string | null;
      detail: string;
    };

/** Node writes `AB:CD:…`; the wire and the pin use lowercase hex without separators. */
export const normalised = (fingerprint: string) => fingerprint.replace(/:/g, '').toLowerCase();

/** Per socket: its certificate does not change, and reading it parses the whole certificate again. */
const fingerprints = new WeakMap<tls.TLSSocket, string | null>();

const seenFingerprint = (socket: tls.TLSSocket): string | null => {
  if (fingerprints.has(socket)) return fingerprints.get(socket) ?? null;
  const cert = socket.getPeerCertificate();
  const seen = cert?.fingerprint256 ? normalised(cert.fingerprint256) : null;
  fingerprints.set(socket, seen);
  return seen;
};

class PinMismatch extends Error {
  constructor(readonly seen: string | null) {
    super('the certificate is not the pinned one');
  }
}

/**
 * An agent whose every new socket is a finished TLS handshake with the pinned certificate:
 * `createConnection` answers through its callback only once the peer's certificate is checked.
 */
class PinnedAgent extends https.Agent {
  constructor(
    private readonly pin: string | null,
    private readonly prefix: string | null = null,
  ) {
    super({ keepAlive: pin !== null, maxFreeSockets: 4, scheduling: 'lifo' });
  }

  // biome-ignore lint/suspicious/noExplicitAny: Node's Agent passes its own option bag.
  override createConnection(options: any, callback?: (err: Error | null, socket: Duplex) => void): undefined {
    const created = callback as (err: Error | null, socket?: Duplex) => void;
    const socket = tls.connect({
      host: options.host,
      port: options.port,
      // Pinned by fingerprint below; no CA signs these certificates and no name is in them.
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    });
    const fail = (err: Error) => {
      socket.removeListener('secureConnect', check);
      created(err);
    };
    const check = () => {
      socket.removeListener('error', fail);
      const seen = seenFingerprint(socket);
      const pinned = this.pin === null || seen === this.pin;
      const begins = this.prefix === null || (seen?.startsWith(this.prefix) ?? false);
      if (!pinned || !begins) {
        socket.destroy();
        created(new PinMismatch(seen));
        return;
      }
      created(null, socket);
    };
    socket.once('secureConnect', check);
    socket.once('error', fail);
    return undefined;
  }
}

const agents = new Map<string, PinnedAgent>();

function agentFor(peer: PinnedPeer): PinnedAgent {
  // Pairing sockets are never reused: each try sees the certificate afresh.
  if (peer.fingerprint === null) return new PinnedAgent(null, peer.expectPrefix ?? null);
  const key = `${peer.address}|${peer.port}|${peer.fingerprint}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new PinnedAgent(peer.fingerprint);
    agents.set(key, agent);
  }
  return agent;
}

/** Drops the kept-alive sockets to a peer (the link left it, or it went away). */
export function forgetPeer(peer: PinnedPeer): void {
  const key = `${peer.address}|${peer.port}|${peer.fingerprint}`;
  agents.get(key)?.destroy();
  agents.delete(key);
}

/** One request to `peer`; JSON body. Never throws: a failure is a value. */
export function pinnedRequest(peer: PinnedPeer, request: WireRequest): Promise<WireAnswer> {
  return new Promise((resolve) => {
    const body =
      request.raw ?? (request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body), 'utf8'));
    let settled = false;
    const finish = (answer: WireAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const req = https.request({
      host: peer.address,
      port: peer.port,
      method: request.method,
      path: request.path,
      agent: agentFor(peer),
      headers: {
        ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
        ...request.headers,
      },
    });
    const timer = setTimeout(() => {
      finish({ ok: false, failure: 'timeout', fingerprint: null, detail: `no answer in ${request.timeoutMs} ms` });
      req.destroy();
    }, request.timeoutMs);
    req.on('error', (err) => {
      if (err instanceof PinMismatch)
        finish({ ok: false, failure: 'pin_mismatch', fingerprint: err.seen, detail: err.message });
      else finish({ ok: false, failure: 'network', fingerprint: null, detail: err.message });
    });
    req.on('response', (res) => {
      const socket = res.socket as tls.TLSSocket;
      const fingerprint = seenFingerprint(socket) ?? peer.fingerprint ?? '';
      const localAddress = socket.localAddress ?? null;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (err) => finish({ ok: false, failure: 'network', fingerprint: null, detail: err.message }));
      res.on('end', () =>
        finish({
          ok: true,
          status: res.statusCode ?? 0,
          fingerprint,
          body: Buffer.concat(chunks),
          headers: res.headers,
          localAddress,
        }),
      );
    });
    req.end(body);
  });
}

export interface EventStream {
  close(): void;
}

/**
 * Server-sent events from `peer` at `path` over the same pinning: `onEvent(name, data)` per event
 * (`message` when unnamed); `onOpen` once the stream answered 200, `onDrop` when it ends. It does
 * not reconnect by itself: the link decides when to try again.
 */
export function pinnedEvents(
  peer: PinnedPeer,
  path: string,
  headers: Record<string, string>,
  handlers: { onOpen(): void; onEvent(name: string, data: string): void; onDrop(status: number | null): void },
): EventStream {
  let closed = false;
  let dropped = false;
  const drop = (status: number | null) => {
    if (dropped) return;
    dropped = true;
    if (!closed) handlers.onDrop(status);
  };
  const req = https.request({
    host: peer.address,
    port: peer.port,
    method: 'GET',
    path,
    agent: agentFor(peer),
    headers: { accept: 'text/event-stream', ...headers },
  });
  req.on('error', () => drop(null));
  req.on('response', (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      drop(res.statusCode ?? null);
      return;
    }
    handlers.onOpen();
    res.setEncoding('utf8');
    let buffer = '';
    let name = 'message';
    let data: string[] = [];
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (data.length > 0 && !closed) handlers.onEvent(name, data.join('\n'));
          name = 'message';
          data = [];
        } else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        else if (line.startsWith('event:')) name = line.slice(6).trim();
        // `:` comments are keep-alives; `id:` and `retry:` are not used on this wire.
        newline = buffer.indexOf('\n');
      }
    });
    res.on('end', () => drop(200));
    res.on('error', () => drop(null));
    res.on('close', () => drop(200));
  });
  req.end();
  return {
    close() {
      closed = true;
      req.destroy();
    },
  };
}
