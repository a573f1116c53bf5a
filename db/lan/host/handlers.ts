/**
 * The host's lan.* calls (core/contract/lan.ts): the secretariat opens the congress to the venue
 * network, shows a station code, lists and revokes stations. Session handlers: opening the venue
 * waits for a listener, and none of them may be made by a paired station (db/dispatch.ts
 * `invokeStation`) — a station cannot open the host to another address, see the code, or revoke
 * its neighbour. Each write appends its own audit row; the code itself is never in it.
 */
import { ok, type Result, refuse } from '../../../core/result.js';
import { appendAudit } from '../../audit/log.js';
import { noCongressOpen } from '../../congress/handlers.js';
import { readCongress } from '../../congress/records.js';
import type { SessionCall, SessionHandler } from '../../handler-types.js';
import { findStation, revokeStation } from './stations.js';

const changedLan = () => [{ topic: 'lan' as const }];

/** Appends `action`'s row in its own transaction on the open congress. */
function audited(call: SessionCall, action: string, payload: unknown): Result<null> {
  const open = call.session.open;
  if (!open) return noCongressOpen();
  open.db.transaction(() => appendAudit(open.db, call.auditEntry(action, payload)))();
  return ok(null);
}

const statusOf = (call: SessionCall) => call.lan.host.status(call.lan.venue.state());

export const venue: SessionHandler<'lan.venue'> = {
  // The code shows on the host's screen only (no `stations`: a station's call is refused).
  kind: 'session',
  run: (_input, call) => ok(statusOf(call)),
};

export const openVenue: SessionHandler<'lan.openVenue'> = {
  kind: 'session',
  async run(input, call) {
    const open = call.session.open;
    if (!open) return noCongressOpen();
    const opened = await call.lan.venue.open(input.address, input.port, readCongress(open.db).uid);
    if (!opened.ok) return opened;
    const { address, port, fingerprint } = opened.value;
    const recorded = audited(call, 'lan.openVenue', { address, port, fingerprint });
    if (!recorded.ok) return recorded;
    return ok(statusOf(call));
  },
  changes: changedLan,
};

export const closeVenue: SessionHandler<'lan.closeVenue'> = {
  kind: 'session',
  async run(_input, call) {
    const before = call.lan.venue.state();
    await call.lan.venue.close();
    call.lan.host.dropCode();
    if (before.open && call.session.open) {
      const recorded = audited(call, 'lan.closeVenue', { address: before.address, port: before.port });
      if (!recorded.ok) return recorded;
    }
    return ok(statusOf(call));
  },
  changes: changedLan,
};

export const newCode: SessionHandler<'lan.newCode'> = {
  kind: 'session',
  run(input, call) {
    if (!call.session.open) return noCongressOpen();
    const code = call.lan.host.newCode(input.kind, call.lan.venue.state());
    if (!code.ok) return code;
    // Who showed a code for what kind of station, and until when: never the code.
    const recorded = audited(call, 'lan.newCode', { kind: code.value.kind, expiresAt: code.value.expiresAt });
    if (!recorded.ok) return recorded;
    return code;
  },
  changes: changedLan,
};

export const revoke: SessionHandler<'lan.revoke'> = {
  kind: 'session',
  run(input, call) {
    const open = call.session.open;
    if (!open) return noCongressOpen();
    const station = findStation(open.db, input.stationId);
    if (!station) return refuse('not_found', 'lan.no_station', { stationId: input.stationId }, { field: 'stationId' });
    if (station.revokedAt !== null)
      return refuse('conflict', 'lan.already_revoked', { name: station.name, at: station.revokedAt });
    // The row's change and its audit row in one transaction (the replay records the revocation).
    open.db.transaction(() => {
      revokeStation(open.db, station.id, call.now);
      appendAudit(
        open.db,
        call.auditEntry('lan.revoke', { stationId: station.id, name: station.name, kind: station.kind }),
      );
    })();
    call.lan.host.forget(station.id);
    return ok(statusOf(call));
  },
  changes: changedLan,
};
