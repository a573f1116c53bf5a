import { create } from 'zustand';
import { setCallContext } from '../api/index.js';
import { OPERATOR_KEY, readSession, STATION_ID_KEY, STATION_LABEL_KEY, writeSession } from '../api/session-keys.js';

/**
 * Who is at this window: the operator's name (asked once when the app starts) and the
 * station, a random id per window plus a readable label. Both live in sessionStorage
 * and travel with every call as `ctx`; "undo last" is per station.
 */
interface SessionStore {
  operator: string;
  stationId: string;
  stationLabel: string;
  /** The `ctx.station` string: readable label and the window's id. */
  station: string;
  signIn(operator: string, stationLabel: string): void;
}

const randomId = (): string => {
  const bytes = new Uint8Array(3);
  crypto.getRandomValues(bytes);
  return [...bytes]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
};

const stationString = (label: string, id: string): string => `${label.trim().slice(0, 48)}#${id}`;

const initialStationId = (() => {
  const stored = readSession(STATION_ID_KEY);
  if (stored) return stored;
  const fresh = randomId();
  writeSession(STATION_ID_KEY, fresh);
  return fresh;
})();
const initialOperator = readSession(OPERATOR_KEY) ?? '';
const initialLabel = readSession(STATION_LABEL_KEY) ?? '';

export const useSession = create<SessionStore>()((set, get) => ({
  operator: initialOperator,
  stationId: initialStationId,
  stationLabel: initialLabel,
  station: stationString(initialLabel, initialStationId),
  signIn(operator, stationLabel) {
    const name = operator.trim().slice(0, 64);
    const label = stationLabel.trim();
    writeSession(OPERATOR_KEY, name);
    writeSession(STATION_LABEL_KEY, label);
    const station = stationString(label, get().stationId);
    set({ operator: name, stationLabel: label, station });
    setCallContext({ operator: name, station });
  },
}));

setCallContext({ operator: initialOperator, station: stationString(initialLabel, initialStationId) });
