import { loopbackToken } from '../../api/token.js';
import { hashFor } from '../../app/route.js';

/** One board window: opening it again brings that window back instead of another. */
const BOARD_WINDOW = 'congress-desk-board';

/**
 * Opens `#/board` in a window of its own. In a browser the loopback token goes along in
 * the hash, as for the print route; Electron lets the app's own URLs open as app windows.
 */
export function openBoardWindow(): void {
  const token = loopbackToken();
  const inSearch = new URLSearchParams(window.location.search).has('token');
  const hash = hashFor('board', token && !inSearch ? { token } : {});
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.open(url, BOARD_WINDOW, 'popup,width=1280,height=800')?.focus();
}

/** One tally window: the projector shows one contest's count at a time. */
const TALLY_WINDOW = 'congress-desk-tally';

/** Opens `#/tally?contest=ID` in a window of its own, like the attendance board. */
export function openTallyWindow(contestId: number): void {
  const token = loopbackToken();
  const inSearch = new URLSearchParams(window.location.search).has('token');
  const query: Record<string, string> = { contest: String(contestId) };
  if (token && !inSearch) query.token = token;
  const url = `${window.location.pathname}${window.location.search}${hashFor('tally', query)}`;
  window.open(url, TALLY_WINDOW, 'popup,width=1280,height=800')?.focus();
}
