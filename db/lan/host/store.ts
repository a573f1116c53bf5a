/**
 * The host's side of the wire (issue 14), on the congress open now: pairing, station
 * credentials, a station's call through the dispatcher, beats, the standby's copy.
 *
 * - Everything written goes through the dispatcher's queue as an audited write (a pairing try,
 *   good or bad; a standby's new address), so nothing interleaves with a call.
 * - The station code lives in this memory only, never in the file nor the audit log: a code is
 *   shown, typed once at a station and forgotten.
 * - What the last beats said (who is signed in where, what waits in each outbox) is memory too:
 *   stations say it again every BEAT_MS.
 * - Per congress: opening another file starts all of it afresh.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StationCode, StationRow, VenueStatus } from '../../../core/contract/lan.js';
import type { ChangeEvent } from '../../../core/domain.js';
import {
  BEAT_MS,
  CODE_DIGITS,
  CODE_TRIES,
  CODE_TTL_MS,
  PAIR_LOCK_MS,
  PAIR_TRIES_PER_ADDRESS,
  type Peer,
  type StationKind,
} from '../../../core/lan/protocol.js';
import type { ReasonKey, ReasonParams } from '../../../core/reasons.js';
import { ok, type Result, refuse } from '../../../core/result.js';
import { auditHead } from '../../audit/log.js';
import type { BackendOptions } from '../../backend-types.js';
import { readCongress } from '../../congress/records.js';
import type { Dispatcher } from '../../dispatch.js';
import type { Session } from '../../session.js';
import { pairProof } from '../pairing-proof.js';
import type { LanHost, VenueState } from '../types.js';
import {
  findStation,
  insertStation,
  listStations,
  pairedStandby,
  secretDigest,
  setStandbyPeer,
  stationSecret,
} from './stations.js';

interface LiveCode {
  code: string;
  kind: StationKind;
  expiresAt: number;
  /** Wrong tries left before the code is void. */
  left: number;
  address: string;
  port: number;
  fingerprint: string;
}

interface AddressTries {
  wrong: number;
  lockedUntil: number;
}

/** What a station's last beat (or call) said. */
interface Heard {
  at: number;
  address: string;
  operator: string | null;
  queued: number;
  unsafe: number;
  pending: { roundId: number; papers: number }[];
  /** The rounds it sent papers of (ballots.enter): silent, it may hold more of them. */
  keyed: Set<number>;
}

interface HeldCopy {
  stationId: number;
  seq: number;
  at: string;
}

/** What the host keeps in memory for the congress open now. */
interface CongressState {
  path: string;
  code: LiveCode | null;
  tries: Map<string, AddressTries>;
  heard: Map<number, Heard>;
  held: HeldCopy | null;
  /** The snapshots given to the standby, by the SHA-256 of their bytes: a held copy counts only as one of them. */
  served: Map<string, number>;
  safeAnnounced: number;
}

/** The audit rows written here, by no contract call: a station paired, a pairing refused, a standby's address. */
export const PAIR_ACTION = 'lan.pair';
export const PAIR_REFUSED_ACTION = 'lan.pairRefused';
export const STANDBY_ACTION = 'lan.standby';

/** The snapshots remembered for the standby's `held` (it reports the one it took last). */
const SERVED_KEPT = 8;

const AUTHORIZATION = /^Station (\d{1,12})\.([A-Za-z0-9_-]{32,128})$/;

const sameCode = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

const samePeer = (a: Peer | null, b: Peer) =>
  a !== null && a.address === b.address && a.port === b.port && a.fingerprint === b.fingerprint;

export function createLanHost(dispatcher: Dispatcher, session: Session, options: BackendOptions): LanHost {
  const clock = () => options.now?.() ?? new Date();
  const safeListeners = new Set<(safeSeq: number) => void>();
  let current: CongressState | null = null;

  /** The state of the congress open now (afresh for another file), null with none open. */
  function state(): CongressState | null {
    const open = session.open;
    if (!open) return null;
    if (current?.path !== open.path) {
      current = {
        path: open.path,
        code: null,
        tries: new Map(),
        heard: new Map(),
        held: null,
        served: new Map(),
        safeAnnounced: 0,
      };
    }
    return current;
  }

  function safeSeq(): number {
    const open = session.open;
    const st = state();
    if (!open || !st) return 0;
    const standby = pairedStandby(open.db);
    const held = st.held && standby && st.held.stationId === standby.id ? st.held.seq : 0;
    return Math.max(held, dispatcher.backups.last?.seq ?? 0);
  }

  function announceSafe(): void {
    const st = state();
    if (!st) return;
    const safe = safeSeq();
    if (safe <= st.safeAnnounced) return;
    st.safeAnnounced = safe;
    for (const listener of safeListeners) {
      try {
        listener(safe);
      } catch (err) {
        console.error('congress-desk: safe listener failed:', err);
      }
    }
  }
  dispatcher.backups.onCopied(() => announceSafe());

  const headSeq = () => (session.open ? (auditHead(session.open.db)?.id ?? 0) : 0);
  const standbyPeer = () => (session.open ? (pairedStandby(session.open.db)?.standby ?? null) : null);
  const changedLan: ChangeEvent[] = [{ topic: 'lan' }];

  /** A wrong try from `from`: PAIR_TRIES_PER_ADDRESS of them lock the address for PAIR_LOCK_MS. */
  function wrongTry(st: CongressState, from: string, now: number): void {
    const tries = st.tries.get(from) ?? { wrong: 0, lockedUntil: 0 };
    tries.wrong++;
    if (tries.wrong >= PAIR_TRIES_PER_ADDRESS) {
      tries.wrong = 0;
      tries.lockedUntil = now + PAIR_LOCK_MS;
    }
    st.tries.set(from, tries);
  }

  /** Refused and audited: the try's name, kind, address and reason, never the code typed. */
  async function refusePair(
    request: { name: string; kind: StationKind },
    from: string,
    code: Parameters<typeof refuse>[0],
    reason: ReasonKey,
    params: ReasonParams = {},
  ): Promise<Result<never>> {
    const recorded = await dispatcher.internalWrite(PAIR_REFUSED_ACTION, () =>
      ok({ value: null, payload: { name: request.name, kind: request.kind, address: from, reason } }),
    );
    if (!recorded.ok) return recorded;
    return refuse(code, reason, params);
  }

  function heardFrom(st: CongressState, stationId: number, from: string, now: number): Heard {
    const heard = st.heard.get(stationId) ?? {
      at: now,
      address: from,
      operator: null,
      queued: 0,
      unsafe: 0,
      pending: [],
      keyed: new Set<number>(),
    };
    heard.at = now;
    heard.address = from;
    st.heard.set(stationId, heard);
    return heard;
  }

  const host: LanHost = {
    async pair(request, from, hostFingerprint) {
      const open = session.open;
      const st = state();
      if (!open || !st) return refuse('no_congress_open', 'congress.none_open');
      const now = clock().getTime();
      const tries = st.tries.get(from);
      if (tries && tries.lockedUntil > now) {
        const minutes = Math.ceil((tries.lockedUntil - now) / 60_000);
        return refusePair(request, from, 'forbidden', 'lan.address_locked', { address: from, minutes });
      }
      if (tries && tries.lockedUntil !== 0) st.tries.delete(from);
      const code = st.code;
      if (!code || code.expiresAt <= now) {
        wrongTry(st, from, now);
        return refusePair(request, from, 'unauthorized', 'lan.code_expired');
      }
      if (code.left <= 0) {
        wrongTry(st, from, now);
        return refusePair(request, from, 'unauthorized', 'lan.code_used_up');
      }
      if (!sameCode(code.code, request.code)) {
        wrongTry(st, from, now);
        code.left--;
        if (code.left <= 0) return refusePair(request, from, 'unauthorized', 'lan.code_used_up');
        return refusePair(request, from, 'unauthorized', 'lan.bad_code', { left: code.left });
      }
      // The code is right: what it was made for decides (not a wrong try).
      if (request.kind !== code.kind)
        return refusePair(request, from, 'forbidden', 'lan.code_other_kind', { kind: code.kind });
      const standby = pairedStandby(open.db);
      if (request.kind === 'standby' && standby)
        return refusePair(request, from, 'conflict', 'lan.standby_paired', { name: standby.name });
      // One code pairs one station: gone before the write is queued, so a second try with it fails.
      st.code = null;
      const secret = randomBytes(32).toString('base64url');
      const paired = await dispatcher.internalWrite(
        PAIR_ACTION,
        (db, at) => {
          const stationId = insertStation(db, {
            name: request.name,
            kind: request.kind,
            secretSha256: secretDigest(secret),
            pairedAt: at,
          });
          return ok({
            value: stationId,
            payload: { stationId, name: request.name, kind: request.kind, address: from },
          });
        },
        changedLan,
      );
      if (!paired.ok) return paired;
      const congress = readCongress(open.db);
      return ok({
        stationId: paired.value,
        secret,
        congress: { uid: congress.uid, name: congress.name },
        proof: pairProof(code.code, hostFingerprint.toLowerCase(), request.nonce),
        standby: standbyPeer(),
      });
    },

    authenticate(authorization) {
      const bad = refuse('unauthorized', 'lan.bad_credential');
      const open = session.open;
      const match = AUTHORIZATION.exec(authorization ?? '');
      if (!open || !match) return bad;
      const found = stationSecret(open.db, Number(match[1]));
      if (!found) return bad;
      const given = Buffer.from(secretDigest(match[2]!), 'hex');
      const wanted = Buffer.from(found.sha256, 'hex');
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return bad;
      const { station } = found;
      if (station.revokedAt !== null) return refuse('forbidden', 'lan.revoked', { name: station.name });
      return ok({ stationId: station.id, name: station.name, kind: station.kind });
    },

    async invoke(station, call, from) {
      const st = state();
      if (st) {
        const heard = heardFrom(st, station.stationId, from, clock().getTime());
        const input = call.input as { roundId?: unknown } | null;
        if (call.channel === 'ballots.enter' && typeof input?.roundId === 'number') heard.keyed.add(input.roundId);
      }
      const outcome = await dispatcher.invokeStation(call.channel, call.input, call.ctx, station);
      return { ...outcome, safeSeq: safeSeq() };
    },

    beat(station, beat, from) {
      const st = state();
      if (st) {
        const before = st.heard.get(station.stationId);
        const at = clock().getTime();
        // A station unheard for three beats shows as not seen: its coming back is a change too.
        const stale = before !== undefined && at - before.at > 3 * BEAT_MS;
        const shown =
          before && JSON.stringify([before.operator, before.queued, before.unsafe, before.pending, before.address]);
        const heard = heardFrom(st, station.stationId, from, at);
        heard.operator = beat.operator;
        heard.queued = beat.queued;
        heard.unsafe = beat.unsafe;
        heard.pending = beat.pending.map((p) => ({ roundId: p.roundId, papers: p.papers }));
        const now = JSON.stringify([heard.operator, heard.queued, heard.unsafe, heard.pending, heard.address]);
        // Only what the host's list shows changed: not every beat's time.
        if (shown !== now || stale) dispatcher.announce(changedLan);
      }
      return { safeSeq: safeSeq(), headSeq: headSeq(), standby: standbyPeer() };
    },

    held(station, held) {
      if (station.kind !== 'standby') return refuse('forbidden', 'lan.not_standby');
      const open = session.open;
      const st = state();
      if (!open || !st) return refuse('no_congress_open', 'congress.none_open');
      // Counted only as a copy this host made and gave it, whole: its seq is the one the host knows.
      const served = st.served.get(held.sha256);
      if (served !== undefined && served === held.seq && (st.held?.seq ?? 0) <= served) {
        st.held = { stationId: station.stationId, seq: served, at: clock().toISOString() };
        dispatcher.announce(changedLan);
        announceSafe();
      }
      const peer = held.standby;
      const row = findStation(open.db, station.stationId);
      if (peer && row && !samePeer(row.standby, peer)) {
        void dispatcher
          .internalWrite(
            STANDBY_ACTION,
            (db) => {
              const now = findStation(db, station.stationId);
              if (!now || now.revokedAt !== null || samePeer(now.standby, peer))
                return refuse('conflict', 'lan.revoked', { name: station.name });
              setStandbyPeer(db, station.stationId, peer);
              return ok({ value: null, payload: { stationId: station.stationId, name: station.name, ...peer } });
            },
            changedLan,
          )
          .catch((err) => console.error('congress-desk: the standby peer was not recorded:', err));
      }
      return ok({ safeSeq: safeSeq(), headSeq: headSeq(), standby: standbyPeer() ?? peer ?? null });
    },

    async snapshot(station) {
      if (station.kind !== 'standby') return refuse('forbidden', 'lan.not_standby');
      let made: Result<{ file: string; seq: number }> = refuse('no_congress_open', 'congress.none_open');
      // Queued like a call: no write lands between the seq read and the copy.
      await dispatcher.enqueue(async () => {
        const open = session.open;
        const st = state();
        if (!open || !st) return;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congress-snapshot-'));
        const file = path.join(dir, 'snapshot.congress');
        try {
          const seq = auditHead(open.db)?.id ?? 0;
          await open.db.backup(file);
          // Read in chunks: a congress of 100,000 ballots is no small file.
          const hash = createHash('sha256');
          for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
          const sha256 = hash.digest('hex');
          st.served.set(sha256, seq);
          while (st.served.size > SERVED_KEPT) st.served.delete(st.served.keys().next().value!);
          made = ok({ file, seq });
        } catch (err) {
          fs.rmSync(dir, { recursive: true, force: true });
          made = refuse('internal', 'call.internal', { detail: (err as Error).message });
        }
      });
      return made;
    },

    onChange: (listener) => dispatcher.onChange(listener),

    onSafe(listener) {
      safeListeners.add(listener);
      return () => safeListeners.delete(listener);
    },

    status(venue: VenueState): VenueStatus {
      const open = session.open;
      const st = state();
      const now = clock().getTime();
      const code = st?.code && st.code.expiresAt > now && st.code.left > 0 && venue.open ? st.code : null;
      const stations: StationRow[] = open
        ? listStations(open.db).map((s) => {
            const heard = st?.heard.get(s.id);
            return {
              id: s.id,
              name: s.name,
              kind: s.kind,
              pairedAt: s.pairedAt,
              revokedAt: s.revokedAt,
              lastSeen: heard ? new Date(heard.at).toISOString() : null,
              address: heard?.address ?? null,
              operator: heard?.operator ?? null,
              queued: heard?.queued ?? 0,
              unsafe: heard?.unsafe ?? 0,
              pending: heard?.pending ?? [],
            };
          })
        : [];
      const standby = open ? pairedStandby(open.db) : null;
      const held = standby && st?.held?.stationId === standby.id ? st.held : null;
      return {
        open: venue.open,
        address: venue.address,
        port: venue.port,
        fingerprint: venue.fingerprint,
        code: code ? stationCodeOf(code) : null,
        stations,
        standby: standby
          ? { stationId: standby.id, name: standby.name, heldSeq: held?.seq ?? 0, heldAt: held?.at ?? null }
          : null,
        safeSeq: safeSeq(),
        headSeq: headSeq(),
      };
    },

    newCode(kind, venue) {
      const st = state();
      if (!st) return refuse('no_congress_open', 'congress.none_open');
      if (!venue.open || venue.address === null || venue.port === null || venue.fingerprint === null)
        return refuse('conflict', 'lan.venue_closed');
      const code: LiveCode = {
        code: String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0'),
        kind,
        expiresAt: clock().getTime() + CODE_TTL_MS,
        left: CODE_TRIES,
        address: venue.address,
        port: venue.port,
        fingerprint: venue.fingerprint,
      };
      st.code = code;
      return ok(stationCodeOf(code));
    },

    dropCode() {
      const st = state();
      if (st) st.code = null;
    },

    forget(stationId) {
      state()?.heard.delete(stationId);
    },

    papersAt(roundId) {
      const open = session.open;
      const st = state();
      if (!open || !st) return [];
      const held: ReturnType<LanHost['papersAt']> = [];
      const now = clock().getTime();
      for (const [stationId, heard] of st.heard) {
        const papers = heard.pending.filter((p) => p.roundId === roundId).reduce((n, p) => n + p.papers, 0);
        // A counting station gone quiet mid-count (a pulled cable, a dead laptop) may have keyed
        // papers its beats could not tell: they are waited for too, until it is back or revoked.
        const silent = heard.keyed.has(roundId) && now - heard.at > 3 * BEAT_MS;
        if (papers === 0 && !silent) continue;
        const station = findStation(open.db, stationId);
        // Revoking a station is the secretariat's decision that what it holds is not waited for.
        if (!station || station.revokedAt !== null) continue;
        held.push({
          stationId,
          station: station.name,
          papers,
          ...(silent ? { silentSeconds: Math.round((now - heard.at) / 1000) } : {}),
        });
      }
      return held;
    },

    safeSeq,
  };
  return host;
}

function stationCodeOf(code: LiveCode): StationCode {
  return {
    code: code.code,
    kind: code.kind,
    expiresAt: new Date(code.expiresAt).toISOString(),
    address: code.address,
    port: code.port,
    fingerprint: code.fingerprint,
    qr: `CDHOST/1/${code.address}/${code.port}/${code.fingerprint}/${code.code}`,
  };
}
