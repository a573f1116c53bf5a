import { create } from 'zustand';

/**
 * The app's pages. `print/attendance` renders only the paper form, `board` the attendance
 * board and `tally` the live count (`?contest=ID`) for the hall's projector, no app chrome.
 * `new` is the New congress form; `contests` (`?contest=ID` for one contest) and `count`
 * (`?round=ID`, ballot entry) and `scan` (`?round=ID`, scanned papers confirmed) are the election's pages. `discipline` (`?tab=oath|pledges|texts`)
 * is the oath and the pledges; `print/pledges` and `print/oath` (`?meeting=ID`) their paper forms.
 * `report` lists rule 11's forms (`?meeting=ID&form=…`), each also a print route:
 * `print/ballots` (`?meeting=ID`), `print/count` (`?round=ID`), `print/election` (`?contest=ID`).
 * `print/audit` (`?kinds=…&operator=…&contest=ID`) is the audit log as filtered.
 * `print/ballot-papers` (`?round=ID`, or `?group=NAME&meeting=ID`) prints the ballot papers themselves.
 * `print/badges` (`?delegates=all` or `?ids=1,2,3`, `&category=`) the 代表证 sheets, `print/signin`
 * (`?meeting=ID`) the 签到表 by delegation.
 * `results` exports the signed result file; `verify` checks result files (and the district
 * view of several) and works with no congress open.
 * `lan` is the host's venue network (issue 14); `join` pairs this laptop with a host as a station
 * (from the start screen, no congress open).
 */
export const PAGES = [
  'desk',
  'roster',
  'meetings',
  'discipline',
  'contests',
  'count',
  'scan',
  'tally',
  'report',
  'results',
  'audit',
  'settings',
  'lan',
  'new',
  'board',
  'print/attendance',
  'print/pledges',
  'print/oath',
  'print/ballots',
  'print/count',
  'print/election',
  'print/audit',
  'print/ballot-papers',
  'print/badges',
  'print/signin',
  'verify',
  'join',
] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  page: Page;
  query: Record<string, string>;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = (q >= 0 ? body.slice(0, q) : body).replace(/\/+$/, '');
  const query: Record<string, string> = {};
  if (q >= 0) for (const [k, v] of new URLSearchParams(body.slice(q + 1))) query[k] = v;
  const page = (PAGES as readonly string[]).includes(path) ? (path as Page) : 'desk';
  return { page, query };
}

export function hashFor(page: Page, query: Record<string, string> = {}): string {
  const qs = new URLSearchParams(query).toString();
  return `#/${page}${qs ? `?${qs}` : ''}`;
}

interface RouteStore extends Route {
  navigate(page: Page, query?: Record<string, string>): void;
  /** Like `navigate`, without a history entry (for a route that forwards to another). */
  replace(page: Page, query?: Record<string, string>): void;
}

export const useRoute = create<RouteStore>()(() => ({
  ...parseHash(window.location.hash),
  navigate(page, query = {}) {
    const next = hashFor(page, query);
    if (window.location.hash !== next) window.location.hash = next;
  },
  replace(page, query = {}) {
    const next = hashFor(page, query);
    if (window.location.hash === next) return;
    window.history.replaceState(window.history.state, '', next);
    useRoute.setState(parseHash(next));
  },
}));

window.addEventListener('hashchange', () => useRoute.setState(parseHash(window.location.hash)));
