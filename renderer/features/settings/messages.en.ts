import type { settingsZhCN } from './messages.zh-CN.js';

/** The settings feature's texts in English: exactly the keys of the zh-CN section. */
export const settingsEn: Record<keyof typeof settingsZhCN, string> = {
  'settings.title': 'Settings',
  'settings.file': 'Congress file',
  'settings.congress': 'Congress',
  'settings.quorum.title': 'Quorum',
  'settings.quorum.allowEqual': 'Exactly four fifths of those due also meets the quorum',
  'settings.quorum.help':
    'The 2020 regulation requires the voting delegates present to be MORE than four fifths of those due; that is the default. Tick this only if this congress’s election rules say otherwise.',
  'settings.saved': 'Settings saved.',
  'settings.idle.label': 'Lock when idle after',
  'settings.idle.unit': 'minutes',
  'settings.idle.help':
    'A signed-in station locks itself after this many minutes without keyboard or mouse, and the PIN is asked again (1–240 minutes).',
  'settings.marking.title': 'Marking convention',
  'settings.marking.help':
    "Set what each mark means under this congress's election rules. Default: ○ for, × against, no mark abstain. This is the default for new contests: each contest (paper group) keeps its own convention, fixed once its first ballot is entered.",
  'settings.marking.circle': '○',
  'settings.marking.cross': '×',
  'settings.marking.none': 'No mark',
  'settings.marking.writeInNeedsMark': 'A written-in name counts only with a "for" mark beside it',
  'settings.marking.writeInNeedsAgainst': 'A write-in counts only in place of a candidate marked against (one per ×)',
  'settings.tieRevote.title': 'Revote after a tie',
  'settings.tieRevote.needsMajority': 'A revote also needs more than half of the voters present to elect',
  'settings.tieRevote.help':
    'The regulations say those tied vote again and the one with more votes is elected: they passed half already, so the revote ranks them by votes, and a renewed tie votes again. Tick only if this congress’s election rules demand more than half again.',
  'settings.discipline.title': 'Election discipline',
  'settings.discipline.pledgeAtDesk': 'Ask for the pledge right after check-in',
  'settings.discipline.pledgeAtDesk.help':
    'When on, a voting or alternate delegate who checks in at the desk is shown the pledge to sign at once; the clerk can choose "Later" and the check-in stands.',
};
