/** What the counting screen remembers on this computer: the mark every row starts with. */

/** The mark every row starts with on a fresh ballot: ○ or no mark, per screen, remembered. */
export type DefaultMark = 'circle' | 'none';

const DEFAULT_MARK_KEY = 'congressDesk.count.defaultMark';

export function loadDefaultMark(): DefaultMark {
  try {
    return window.localStorage.getItem(DEFAULT_MARK_KEY) === 'none' ? 'none' : 'circle';
  } catch {
    // No storage (a locked-down profile, a unit test): the usual ○.
    return 'circle';
  }
}

export function saveDefaultMark(mark: DefaultMark): void {
  try {
    window.localStorage.setItem(DEFAULT_MARK_KEY, mark);
  } catch {
    // Not remembered: the next start begins with ○ again.
  }
}
