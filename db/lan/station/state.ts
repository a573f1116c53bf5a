/**
 * The pairing as this laptop keeps it: `<dataDir>/lan/station.json`, readable by this user only
 * (it holds the station's credential). Written whole to a temp file, synced and renamed over the
 * old one, so a power cut leaves the old pairing or the new, never half of one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { peer, STATION_KINDS } from '../../../core/lan/protocol.js';
import { replaceSynced, syncFolder } from '../../durable-file.js';

export const stationState = z
  .object({
    version: z.literal(1),
    /** The host in use: the laptop paired with, or the standby after a failover. */
    host: peer,
    stationId: z.number().int().positive(),
    secret: z.string(),
    congress: z.object({ uid: z.string(), name: z.string() }).strict(),
    kind: z.enum(STATION_KINDS),
    name: z.string(),
    /** The standby the host named, turned to when the host is gone. */
    standby: peer.nullable(),
    /** This laptop's address on the venue network, as the socket it paired over had it (a standby's own venue listens there). */
    localAddress: z.string().nullable(),
    /** The host said this station is revoked: it stays paired (its outbox is on the disk) but sends nothing. */
    revoked: z.boolean(),
    /** This standby was promoted: it is the host now and forwards nothing. */
    promoted: peer.nullable(),
  })
  .strict();
export type StationState = z.infer<typeof stationState>;

export const statePath = (dataDir: string) => path.join(dataDir, 'lan', 'station.json');

export function readState(dataDir: string): StationState | null {
  let text: string;
  try {
    text = fs.readFileSync(statePath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = stationState.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: a file not ours
  }
  console.error(`congress-desk: ${statePath(dataDir)} is not a station pairing; ignored`);
  return null;
}

export function writeState(dataDir: string, state: StationState): void {
  const file = statePath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  replaceSynced(file, JSON.stringify(state, null, 2), { mode: 0o600 });
}

export function removeState(dataDir: string): void {
  fs.rmSync(statePath(dataDir), { force: true });
  syncFolder(path.dirname(statePath(dataDir)));
}
