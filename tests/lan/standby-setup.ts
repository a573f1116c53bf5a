/**
 * The standby tests' host: a real congress (a store with operators and check-ins) and a small
 * HTTPS server on loopback that answers the two routes a standby's copy loop uses, /lan/snapshot
 * (SQLite's online backup of the host's file, made per request, as the host makes it) and
 * /lan/held, with this test's own self-signed certificate (db/lan/cert.ts). Its answers can be
 * spoiled on purpose: a truncated copy, bytes that are no SQLite file, another congress's copy.
 */
import fs from 'node:fs';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import type tls from 'node:tls';
import Database from 'better-sqlite3';
import type { Held } from '../../core/lan/protocol.js';
import { certificateFor } from '../../db/lan/cert.js';
import type { HostRequest, HostResponse } from '../../db/lan/standby/copy.js';
import { congressWith, delegateFields, makeBackend, tempDir } from '../db/helpers.js';
import { signedIn, withOperators } from '../db/operators-setup.js';

export const CREDENTIAL = 'Station 7.standby-secret-of-the-test-0123456789abcdef';

/** A host's congress: 12 voting delegates, one operator per role, `checkedIn` of them checked in. */
export async function hostCongress(checkedIn = 3) {
  const delegates = Array.from({ length: 12 }, (_, i) => delegateFields(String(i + 1).padStart(3, '0')));
  const tb = await congressWith(delegates, makeBackend());
  const ids = await withOperators(tb);
  const desk = await signedIn(tb, ids, 'secretariat', '秘书处');
  /** Checks in delegate `i` (0-based) through the host's store, as the desk does. */
  const checkIn = async (i: number) => {
    const badge = String(i + 1).padStart(3, '0');
    const r = await tb.backend.invoke('attendance.checkInByBadge', { meetingId: tb.meetingId, badge }, desk);
    if (!r.ok) throw new Error(`check-in ${badge} failed: ${JSON.stringify(r.error)}`);
  };
  for (let i = 0; i < checkedIn; i++) await checkIn(i);
  const uid = read(tb.path, (db) => (db.prepare('SELECT uid FROM congress').get() as { uid: string }).uid);
  return { tb, path: tb.path, ids, uid, checkIn, desk };
}

/** Reads the file through a connection of its own (the store keeps its own open). */
export function read<T>(file: string, f: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return f(db);
  } finally {
    db.close();
  }
}

export const lastSeq = (file: string) =>
  read(file, (db) => (db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n);

export type Spoil = 'none' | 'truncated' | 'garbage' | 'refused';

export interface SnapshotHost {
  address: string;
  port: number;
  fingerprint: string;
  /** What the next snapshots are: the host's file as it is, or spoiled. */
  spoil: Spoil;
  /** Another file to serve instead of the host's (another congress, an older copy). */
  serveFile: string | null;
  snapshots: number;
  helds: Held[];
  /** Requests that came without the station's credential. */
  unauthorised: number;
  close(): Promise<void>;
}

/** The host's two routes for a standby, over TLS on 127.0.0.1, serving `file`. */
export async function snapshotHost(file: string): Promise<SnapshotHost> {
  const certDir = tempDir();
  const cert = await certificateFor(certDir, 'the-test-host');
  const work = tempDir();
  let n = 0;
  const state = {
    spoil: 'none' as Spoil,
    serveFile: null as string | null,
    snapshots: 0,
    helds: [] as Held[],
    unauthorised: 0,
  };
  const server = https.createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    if (req.headers.authorization !== CREDENTIAL) {
      state.unauthorised++;
      res.writeHead(401).end('{}');
      return;
    }
    if (req.method === 'GET' && req.url === '/lan/snapshot') {
      state.snapshots++;
      if (state.spoil === 'refused') {
        res.writeHead(403, { 'content-type': 'application/json' }).end('{"ok":false}');
        return;
      }
      const tmp = path.join(work, `snapshot-${++n}.congress`);
      const source = new Database(state.serveFile ?? file, { readonly: true, fileMustExist: true });
      source
        .backup(tmp)
        .then(() => {
          const seq = (source.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n;
          source.close();
          let bytes = fs.readFileSync(tmp);
          fs.rmSync(tmp);
          if (state.spoil === 'truncated') bytes = bytes.subarray(0, Math.floor(bytes.length / 2));
          if (state.spoil === 'garbage') bytes = Buffer.alloc(bytes.length, 0x5a);
          res.writeHead(200, {
            'content-type': 'application/vnd.sqlite3',
            'content-length': bytes.length,
            'x-audit-seq': String(seq),
          });
          res.end(bytes);
        })
        .catch((err: Error) => {
          source.close();
          res.writeHead(500).end(err.message);
        });
      return;
    }
    if (req.method === 'POST' && req.url === '/lan/held') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const held = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Held;
        state.helds.push(held);
        const headSeq = lastSeq(file);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ safeSeq: held.seq, headSeq, standby: held.standby ?? null }));
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    address: '127.0.0.1',
    port,
    fingerprint: cert.fingerprint,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/**
 * A pinned request as the link makes one: no CA, the peer's certificate checked against the pin
 * on the socket's `secureConnect`, before any header or body is written; bound to `host`.
 */
export function pinnedTo(
  peer: { address: string; port: number; fingerprint: string | null },
  credential: string | null = CREDENTIAL,
): HostRequest {
  return (request) =>
    new Promise((resolve) => {
      const req = https.request({
        host: peer.address,
        port: peer.port,
        method: request.method,
        path: request.path,
        rejectUnauthorized: false,
        agent: false,
        headers: { ...request.headers, ...(credential ? { authorization: credential } : {}) },
      });
      const timer = setTimeout(() => {
        req.destroy();
        resolve({ error: 'timeout' });
      }, request.timeoutMs ?? 10_000);
      req.on('socket', (socket) => {
        socket.on('secureConnect', () => {
          const seen = (socket as tls.TLSSocket).getPeerCertificate().fingerprint256?.replace(/:/g, '').toLowerCase();
          // Pairing alone pins nothing yet (null): the proof in its answer binds what was seen.
          if (peer.fingerprint !== null && seen !== peer.fingerprint) req.destroy(new Error('pin_mismatch'));
          else req.end(request.body);
        });
      });
      req.on('error', (error) => {
        clearTimeout(timer);
        resolve({ error });
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          const answer: HostResponse = {
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            headers: res.headers,
          };
          resolve(answer);
        });
      });
    });
}

/** A free TCP port on loopback, for a venue host to listen on. */
export async function freePort(address = '127.0.0.1'): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** POSTs JSON through a pinned request and parses the answer. */
export async function postJson(request: HostRequest, route: string, body: unknown) {
  const answer = await request({
    method: 'POST',
    path: route,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    timeoutMs: 10_000,
  });
  if (!('status' in answer)) throw new Error(`${route}: no answer: ${String(answer.error)}`);
  return { status: answer.status, json: JSON.parse(answer.body.toString('utf8') || 'null') as unknown };
}
