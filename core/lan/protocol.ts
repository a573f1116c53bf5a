/**
 * Several laptops (issue 14): what a station and the host laptop say to each other over the
 * venue network, HTTPS with the host's certificate pinned. Types, schemas and constants only:
 * db/lan/ serves and speaks it, the renderer never sees it (its own transport reaches its own
 * laptop's store, which relays).
 *
 * Routes (all POST JSON unless said; every route but /lan/pair needs
 * `Authorization: Station <stationId>.<secret>`):
 * - /lan/pair      PairRequest → PairAnswer          (the code is the only secret)
 * - /lan/invoke    LanCall → LanAnswer                (a contract call, gated on the host as any call)
 * - /lan/beat      Beat → BeatAnswer                  (every BEAT_MS: what waits at the station)
 * - GET /lan/events server-sent events: ChangeEvent JSON per `data:` line, and `event: safe` lines
 *                  with `{"safeSeq":N}` when the copy off the host moves on
 * - GET /lan/snapshot (standby only) the congress file as SQLite's online backup made it;
 *                  header `X-Audit-Seq`: the last audit row in it
 * - /lan/held      Held → BeatAnswer                  (standby only: the copy it now holds)
 */
import { z } from 'zod';

/** What a paired laptop does at the venue; a standby also keeps the copy and may be promoted. */
export const STATION_KINDS = ['desk', 'count', 'board', 'pledge', 'standby'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** The port the venue host listens on unless the secretariat picks another. */
export const LAN_DEFAULT_PORT = 47310;
/** A station code: six digits, shown as「123 456」, good for five minutes and five wrong tries. */
export const CODE_DIGITS = 6;
export const CODE_TTL_MS = 5 * 60_000;
export const CODE_TRIES = 5;
/** Wrong codes from one address before it is refused outright for PAIR_LOCK_MS. */
export const PAIR_TRIES_PER_ADDRESS = 10;
export const PAIR_LOCK_MS = 10 * 60_000;
/** How often a station says what waits at it; a station unheard for 3 beats is shown as not seen. */
export const BEAT_MS = 2_000;
/** How long a call waits for the host before the station counts it as cut off (and queues). */
export const CALL_TIMEOUT_MS = 2_500;
/** How often the standby asks for a new copy while the congress changes. */
export const SNAPSHOT_MS = 3_000;

/** A certificate's SHA-256 over its DER bytes, lowercase hex (64 characters). */
export const fingerprint = z.string().regex(/^[0-9a-f]{64}$/);
/** How people compare it: the first 16 bytes in groups of four hex digits, 「3F2A 91C0 …」. */
export function shortFingerprint(hex: string): string {
  return hex.slice(0, 32).toUpperCase().match(/.{4}/g)?.join(' ') ?? hex;
}

/** Where a laptop's venue host is reached, and the certificate it must present. */
export const peer = z
  .object({
    address: z.string().max(64),
    port: z.number().int().min(1).max(65535),
    fingerprint,
  })
  .strict();
export type Peer = z.infer<typeof peer>;

export const pairRequest = z
  .object({
    code: z.string().regex(/^\d{6}$/),
    /** The station's name as the host lists it (「签到台 2」). */
    name: z.string().min(1).max(64),
    kind: z.enum(STATION_KINDS),
    /** 16 random bytes, base64url: the host's proof is bound to it. */
    nonce: z.string().min(16).max(64),
    /** Unused at pairing (the standby does not know the congress's uid yet): it sends its peer with its first `held`. */
    standby: peer.optional(),
  })
  .strict();
export type PairRequest = z.infer<typeof pairRequest>;

export const pairAnswer = z
  .object({
    stationId: z.number().int().positive(),
    /** The station's secret; the host keeps only its SHA-256. Sent as `Station <id>.<secret>`. */
    secret: z.string().min(32).max(128),
    congress: z.object({ uid: z.string(), name: z.string() }).strict(),
    /**
     * HMAC-SHA256 (key: the code's six digits) of `<host fingerprint>|<nonce>`, hex: the host
     * that answered knows the code the secretariat showed, so the certificate the station saw is
     * the one to pin (db/lan/pairing.ts `pairProof`).
     */
    proof: z.string().regex(/^[0-9a-f]{64}$/),
    /** The standby the stations turn to when the host is gone, if one is paired. */
    standby: peer.nullable(),
  })
  .strict();
export type PairAnswer = z.infer<typeof pairAnswer>;

export const lanCall = z
  .object({
    channel: z.string().max(80),
    input: z.unknown(),
    /** The call's context as the station's window made it (core/contract.ts callContext). */
    ctx: z.unknown(),
  })
  .strict();
export type LanCall = z.infer<typeof lanCall>;

/** Every answer that changes what a station keeps: how far the copy off the host has reached. */
export const lanAnswer = z
  .object({
    /** The contract's answer, as the host's dispatcher gave it. */
    result: z.unknown(),
    /** The audit row of the write this call committed (or committed before, on a replay); null: nothing committed. */
    seq: z.number().int().nullable(),
    /** The host's receipt for that write (db/lan/receipts.ts): a replay on a promoted standby is admitted by it. */
    receipt: z.string().nullable(),
    /** Every write up to this audit row is also in a copy off the host (the standby's, or the backup folder's). */
    safeSeq: z.number().int(),
  })
  .strict();
export type LanAnswer = z.infer<typeof lanAnswer>;

export const beat = z
  .object({
    /** Calls in the outbox the host has not answered yet (cut off, or replaying). */
    queued: z.number().int().min(0),
    /** Answered writes kept until the copy off the host holds them. */
    unsafe: z.number().int().min(0),
    /** Ballots keyed or queued at this station and not yet on the host, per round (「本站还有选票未上传」). */
    pending: z.array(z.object({ roundId: z.number().int().positive(), papers: z.number().int().min(1) }).strict()),
    /** Who is signed in at the station, as its window last said. */
    operator: z.string().max(64).nullable(),
  })
  .strict();
export type Beat = z.infer<typeof beat>;

export const beatAnswer = z
  .object({
    safeSeq: z.number().int(),
    /** The last audit row on the host. */
    headSeq: z.number().int(),
    standby: peer.nullable(),
  })
  .strict();
export type BeatAnswer = z.infer<typeof beatAnswer>;

export const held = z
  .object({
    seq: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /**
     * Where this standby's own venue host will listen once promoted, and its certificate (made
     * for the congress once pairing told the standby its uid). The host records it (audited) the
     * first time or when it changes, and gives it to every station in the beat answers.
     */
    standby: peer.optional(),
  })
  .strict();
export type Held = z.infer<typeof held>;

/** The refusals of the venue routes (core/reasons/lan.json), besides the contract's own. */
export const LAN_REFUSALS = [
  'lan.bad_code',
  'lan.code_expired',
  'lan.code_used_up',
  'lan.address_locked',
  'lan.bad_credential',
  'lan.revoked',
  'lan.not_standby',
  'lan.not_promoted',
] as const;
export type LanRefusal = (typeof LAN_REFUSALS)[number];
