/**
 * Several laptops (issue 14): the pieces of the store that reach past this laptop, and how they
 * meet. core/lan/protocol.ts is the wire; this is the inside.
 *
 * - `LanHost` (db/lan/host/): the host's side of the wire on the open congress — pairing,
 *   station credentials, a station's call through the dispatcher (idempotent by `ctx.callKey`),
 *   beats, the standby's copy. Audited writes go through the dispatcher.
 * - `Venue` (db/lan/host/server.ts): the HTTPS listener that serves a `LanHost` on the address
 *   the secretariat picked, with this laptop's certificate for the congress (db/lan/cert.ts).
 * - `StationLink` (db/lan/station/): this laptop as a station of another's host — the durable
 *   outbox, the pinned client, replay, failover to the standby; and, for a standby, the copy.
 * - `LanRuntime`: what the backend makes once and hands to every handler call (`call.lan`).
 */
import type { LinkStatus, StationCode, VenueStatus } from '../../core/contract/lan.js';
import type { ChangeEvent } from '../../core/domain.js';
import type {
  Beat,
  BeatAnswer,
  Held,
  LanAnswer,
  LanCall,
  PairAnswer,
  PairRequest,
  Peer,
  StationKind,
} from '../../core/lan/protocol.js';
import type { Result } from '../../core/result.js';

/** A paired station as its credential names it. */
export interface StationIdentity {
  stationId: number;
  name: string;
  kind: StationKind;
}

/** The host's side of the wire, on the congress open now. Every method is safe to call with none open (it refuses). */
export interface LanHost {
  /** A pairing try from `from` (the remote address): the answer, or the refusal; audited either way. */
  pair(request: PairRequest, from: string, hostFingerprint: string): Promise<Result<PairAnswer>>;
  /** `Authorization: Station <id>.<secret>` → who, or `lan.bad_credential` / `lan.revoked`. */
  authenticate(authorization: string | undefined): Result<StationIdentity>;
  /** A contract call of a station through the dispatcher, as any call (gate, contract, transaction, audit). */
  invoke(station: StationIdentity, call: LanCall, from: string): Promise<LanAnswer>;
  beat(station: StationIdentity, beat: Beat, from: string): BeatAnswer;
  /** A standby says which copy it holds now (refused for any other kind). */
  held(station: StationIdentity, held: Held): Result<BeatAnswer>;
  /** A consistent copy of the congress file (SQLite's online backup) in a temp file, and its last audit row; the caller deletes it. */
  snapshot(station: StationIdentity): Promise<Result<{ file: string; seq: number }>>;
  /** The host's change events (the same the windows get), to relay to stations. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** Called when the copy off the host reaches a later audit row. */
  onSafe(listener: (safeSeq: number) => void): () => void;
  /** The host's list for lan.venue: the venue as `venue` says, the stations with their last beats, the code showing. */
  status(venue: VenueState): VenueStatus;
  /** A new station code for the venue open at `venue` (the one before stops working); in memory only. */
  newCode(kind: StationKind, venue: VenueState): Result<StationCode>;
  /** No code shows any more (the venue closed). */
  dropCode(): void;
  /** A station revoked (lan.revoke committed): what its last beat said counts no more. */
  forget(stationId: number): void;
  /**
   * What the stations not revoked may hold for a round, not yet on the host: the papers their last
   * beats said, and a station that keyed papers of the round and has been silent for three beats
   * (`silentSeconds`: what it keyed since is not known, `papers` is what its last beat said).
   */
  papersAt(roundId: number): { stationId: number; station: string; papers: number; silentSeconds?: number }[];
  /** Every write up to this audit row is also in a copy off this laptop (the standby's, the backup folder's). */
  safeSeq(): number;
}

export interface VenueState {
  open: boolean;
  address: string | null;
  port: number | null;
  fingerprint: string | null;
}

/** The HTTPS listener of the venue network (one per laptop; a promoted standby opens its own). */
export interface Venue {
  /** Listens on `address:port` with this laptop's certificate for congress `congressUid` (made on first use). */
  open(address: string, port: number, congressUid: string): Promise<Result<VenueState>>;
  close(): Promise<void>;
  state(): VenueState;
  /** This laptop's certificate fingerprint for a congress, made now if it has none (a standby gives it at pairing). */
  fingerprintFor(congressUid: string): Promise<string>;
}

/** This laptop as a station of another laptop's host. */
export interface StationLink {
  /** True while joined and `channel` is none of the station's own (lan.join, lan.link, lan.dismiss, lan.leave, lan.promote). */
  forwards(channel: string): boolean;
  /** A call of this laptop's windows, through the outbox to the host. */
  invoke(channel: string, input: unknown, ctx: unknown): Promise<Result<unknown>>;
  /** The host's change events relayed, and `lan` when the link's own state changes. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  status(): LinkStatus;
  /** Pairs with a host (lan.join): pins its certificate, keeps the credential on this laptop's disk. */
  join(input: JoinInput): Promise<Result<LinkStatus>>;
  /** Forgets the told refusals up to `at` (lan.dismiss). */
  dismiss(at: string): LinkStatus;
  /** Unpairs (lan.leave): refused while the outbox holds calls the host has not answered. */
  leave(): Promise<Result<LinkStatus>>;
  /** A standby's copy of the congress as it holds it now (db/lan/standby/), null: none yet or no standby. */
  copy(): { file: string; seq: number } | null;
  /** After this standby was promoted: stop forwarding, say `promoted`, answer as the host at `self`. */
  promoted(self: Peer): void;
  close(): Promise<void>;
}

export interface JoinInput {
  address: string;
  port: number;
  code: string;
  name: string;
  kind: StationKind;
  /** The start of the host's fingerprint as the station's operator read it off the host (hex), if typed. */
  fingerprint?: string;
}

export interface LanRuntime {
  venue: Venue;
  host: LanHost;
  link: StationLink;
}
