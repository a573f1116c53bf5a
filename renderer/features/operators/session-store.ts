import { create } from 'zustand';
import { setCallContext } from '../../api/index.js';
import {
  OPERATOR_KEY,
  readSession,
  removeSession,
  SIGN_IN_KEY,
  STATION_ID_KEY,
  STATION_LABEL_KEY,
  writeSession,
} from '../../api/session-keys.js';

/**
 * Who is at this window: the operator's name (asked once when the app starts, for a congress
 * without operators), the station, a random id per window plus a readable label, and the
 * station's sign-in token once the congress has operators. All live in sessionStorage and
 * travel with every call as `ctx`; "undo last" is per station.
 */
interface SessionStore {
  operator: string;
  stationId: string;
  stationLabel: string;
  /** The `ctx.station` string: readable label and the window's id. */
  station: string;
  /** The token of `station.signIn` (`ctx.session`), or null when not signed in. */
  token: string | null;
  signIn(operator: string, stationLabel: string): void;
  setStationLabel(stationLabel: string): void;
  setToken(token: string | null): void;
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
const initialToken = readSession(SIGN_IN_KEY) || null;

const contextOf = (s: Pick<SessionStore, 'operator' | 'station' | 'token'>) => ({
  operator: s.operator,
  station: s.station,
  ...(s.token ? { session: s.token } : {}),
});

export const useSession = create<SessionStore>()((set, get) => ({
  operator: initialOperator,
  stationId: initialStationId,
  stationLabel: initialLabel,
  station: stationString(initialLabel, initialStationId),
  token: initialToken,
  signIn(operator, stationLabel) {
    const name = operator.trim().slice(0, 64);
    writeSession(OPERATOR_KEY, name);
    set({ operator: name });
    get().setStationLabel(stationLabel);
  },
  setStationLabel(stationLabel) {
    const label = stationLabel.trim();
    writeSession(STATION_LABEL_KEY, label);
    set({ stationLabel: label, station: stationString(label, get().stationId) });
    setCallContext(contextOf(get()));
  },
  setToken(token) {
    if (token) writeSession(SIGN_IN_KEY, token);
    else removeSession(SIGN_IN_KEY);
    set({ token });
    setCallContext(contextOf(get()));
  },
}));

setCallContext(contextOf(useSession.getState()));
