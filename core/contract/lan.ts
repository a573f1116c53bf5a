/**
 * Several laptops (issue 14). The host's calls (the secretariat opens the congress to the venue
 * network, shows a station code, lists and revokes stations) run on the host's store like any
 * call. The station's calls (join a host, its link's state, leave, promote a standby) are
 * answered by the station's own store and never forwarded: every other call of a joined station
 * goes to the host (db/lan/station/), whose gate decides it. The station's writes (join, dismiss,
 * leave, promote) change this laptop's link, not a congress file: they are session handlers and
 * audit nothing here (pairing and promotion are audited in the congress, on the host's side).
 */
import { z } from 'zod';
import { fingerprint, peer, STATION_KINDS } from '../lan/protocol.js';
import { id } from '../model/fields.js';
import { ANYONE, ROLES, S, type Section } from './spec.js';

const address = z.string().min(1).max(64);
const port = z.number().int().min(1024).max(65535);

export const stationRow = z
  .object({
    id,
    name: z.string(),
    kind: z.enum(STATION_KINDS),
    pairedAt: z.string(),
    revokedAt: z.string().nullable(),
    /** The last beat or call heard from it (ISO time), null: never since the host opened. */
    lastSeen: z.string().nullable(),
    /** The address its last call came from. */
    address: z.string().nullable(),
    /** Who is signed in there, as its last beat said. */
    operator: z.string().nullable(),
    /** Calls waiting in its outbox (cut off, replaying), and writes it keeps until the copy off the host has them. */
    queued: z.number().int(),
    unsafe: z.number().int(),
    /** Ballots keyed or queued there and not yet here, per round. */
    pending: z.array(z.object({ roundId: id, papers: z.number().int() }).strict()),
  })
  .strict();
export type StationRow = z.infer<typeof stationRow>;

export const stationCode = z
  .object({
    /** Six digits. */
    code: z.string(),
    kind: z.enum(STATION_KINDS),
    expiresAt: z.string(),
    address,
    port,
    fingerprint,
    /** What the QR on the host's screen holds: `CDHOST/1/<address>/<port>/<fingerprint>/<code>`. */
    qr: z.string(),
  })
  .strict();
export type StationCode = z.infer<typeof stationCode>;

export const venueStatus = z
  .object({
    open: z.boolean(),
    address: z.string().nullable(),
    port: z.number().int().nullable(),
    /** This laptop's certificate for this congress (made when the congress first opened to the venue). */
    fingerprint: fingerprint.nullable(),
    /** The code showing now, if any and not expired. */
    code: stationCode.nullable(),
    stations: z.array(stationRow),
    /** The standby's copy: the last audit row it holds, and when it took it. */
    standby: z
      .object({ stationId: id, name: z.string(), heldSeq: z.number().int(), heldAt: z.string().nullable() })
      .strict()
      .nullable(),
    /** Every write up to this audit row is in a copy off this laptop (the standby's or the backup folder's). */
    safeSeq: z.number().int(),
    headSeq: z.number().int(),
  })
  .strict();
export type VenueStatus = z.infer<typeof venueStatus>;

/** One answer a replayed call got that its station must be told (「另一签到台已为该代表签到」). */
export const toldRow = z
  .object({
    at: z.string(),
    channel: z.string(),
    /** The refusal's reason and values (core/reasons.ts), rendered by the window. */
    reason: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .strict();

export const linkStatus = z
  .object({
    /** alone: this laptop is no station; station: joined to a host; standby: joined and keeping the copy; promoted: a standby now hosting. */
    mode: z.enum(['alone', 'station', 'standby', 'promoted']),
    kind: z.enum(STATION_KINDS).nullable(),
    name: z.string().nullable(),
    congress: z.object({ uid: z.string(), name: z.string() }).strict().nullable(),
    /** The host it reaches now (the promoted standby after a failover). */
    host: peer.nullable(),
    online: z.boolean(),
    /** Calls in the outbox not answered yet: 「离线:已暂存 12 条」. */
    queued: z.number().int(),
    /** Answered writes kept until the copy off the host has them. */
    unsafe: z.number().int(),
    /** Refusals of replayed calls, newest first, until the station's people dismiss them (lan.dismiss). */
    told: z.array(toldRow),
    /** A standby's copy: the last audit row it holds and when. */
    copy: z.object({ seq: z.number().int(), at: z.string() }).strict().nullable(),
    /**
     * Why the outbox does not move though the link is up, for the banner: `sign_in` (a replay waits
     * for someone to sign in at this station: the host's sign-in ended or is another laptop's now),
     * `revoked` (the host revoked this station: nothing is sent; the outbox stays on this disk),
     * `certificate` (the host answers with a certificate other than the one pinned). Absent or null: none.
     */
    problem: z.enum(['sign_in', 'revoked', 'certificate']).nullable().optional(),
  })
  .strict();
export type LinkStatus = z.infer<typeof linkStatus>;

export const lanCalls = {
  // --- the host ---------------------------------------------------------------------------
  /** The laptop's IPv4 addresses the venue host may listen on (the venue's switch, a test's namespace). */
  'lan.addresses': {
    write: false,
    roles: [S],
    input: z.object({}).strict(),
    output: z.array(z.object({ name: z.string(), address: z.string() }).strict()),
  },
  'lan.venue': { write: false, roles: [S], input: z.object({}).strict(), output: venueStatus },
  /** Opens the congress to the venue network on `address` (TLS, this congress's certificate). */
  'lan.openVenue': {
    write: true,
    roles: [S],
    input: z.object({ address, port }).strict(),
    output: venueStatus,
  },
  'lan.closeVenue': { write: true, roles: [S], input: z.object({}).strict(), output: venueStatus },
  /** A new station code (the one before stops working). */
  'lan.newCode': {
    write: true,
    roles: [S],
    input: z.object({ kind: z.enum(STATION_KINDS) }).strict(),
    output: stationCode,
  },
  /** Ends a station's credential: its calls are refused from now on (its outbox stays on its disk). */
  'lan.revoke': { write: true, roles: [S], input: z.object({ stationId: id }).strict(), output: venueStatus },

  // --- the station (answered by the station's own store) -------------------------------------
  /** Pairs this laptop with a host by its address and the code its screen shows. */
  'lan.join': {
    write: true,
    roles: ROLES,
    input: z
      .object({
        address,
        port,
        code: z.string().regex(/^\d{6}$/, 'input.station_code'),
        name: z.string().min(1).max(64),
        kind: z.enum(STATION_KINDS),
        // 「3F2A 91C0 7B1E 22D4 …」 as read off the host: 16 hex digits at least (64 bits: no
        // certificate made to match it), checked before the code leaves this laptop.
        fingerprint: z
          .string()
          .transform((v) => v.replace(/[\s:]/g, '').toLowerCase())
          .pipe(z.string().regex(/^[0-9a-f]{16,64}$/, 'input.fingerprint_start'))
          .optional(),
      })
      .strict(),
    output: linkStatus,
  },
  /** The link's state for the banner (the lock screen and the board show it too). */
  'lan.link': { write: false, roles: ANYONE, input: z.object({}).strict(), output: linkStatus },
  /** Forgets the told refusals up to `at`. */
  'lan.dismiss': { write: true, roles: ROLES, input: z.object({ at: z.string() }).strict(), output: linkStatus },
  /** Unpairs: refused while the outbox holds calls the host has not answered. */
  'lan.leave': { write: true, roles: ROLES, input: z.object({}).strict(), output: linkStatus },
  /**
   * A standby becomes the host: its copy opened as the congress, its venue host started on the
   * address it gave at pairing; the chief scrutineer's PIN as the copy knows it.
   */
  'lan.promote': {
    write: true,
    roles: ROLES,
    input: z.object({ operatorId: id, pin: z.string().max(32) }).strict(),
    output: linkStatus,
  },
} as const satisfies Section;
