/** sessionStorage keys: per window, survive reloads and route changes. */
export const TOKEN_KEY = 'congressDesk.token';
export const OPERATOR_KEY = 'congressDesk.operator';
export const STATION_ID_KEY = 'congressDesk.stationId';
export const STATION_LABEL_KEY = 'congressDesk.stationLabel';
/** The station's sign-in (`station.signIn`) once the congress has operators: not the loopback token. */
export const SIGN_IN_KEY = 'congressDesk.signIn';
/** localStorage: the language is a preference of the machine, not of the window. */
export const LANGUAGE_KEY = 'congressDesk.language';

export function readSession(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeSession(key: string, value: string): void {
  try {
    window.sessionStorage.setItem(key, value);
  } catch {
    // Storage unavailable (private mode): the value lives for this page only.
  }
}

export function removeSession(key: string): void {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // nothing stored
  }
}
