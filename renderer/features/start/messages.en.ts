import type { startZhCN } from './messages.zh-CN.js';

/** The start feature's texts in English: exactly the keys of the zh-CN section. */
export const startEn: Record<keyof typeof startZhCN, string> = {
  'start.subtitle': 'Check-in and elections at a township Party congress',
  'start.demo.title': 'Try it first',
  'start.demo.description':
    'The demo congress has about 120 delegates (with non-voting attendees and alternates) and two meetings, ready for the check-in desk.',
  'start.demo.button': 'Open the demo congress',
  'start.new.title': 'New congress',
  'start.new.name': 'Name',
  'start.new.name.placeholder': '中国共产党××镇第十五次代表大会',
  'start.new.date': 'Date',
  'start.new.venue': 'Venue',
  'start.new.venue.placeholder': 'e.g. Township hall',
  'start.new.path': 'Save as',
  'start.new.path.help': 'A congress is one file (.congress): open it and back it up like a document.',
  'start.new.submit': 'Create',
  'start.new.dialogTitle': 'Save the congress file',
  'start.open.title': 'Open congress',
  'start.open.path': 'Congress file',
  'start.open.path.placeholder': 'e.g. D:\\Congress\\15th congress.congress',
  'start.open.submit': 'Open',
  'start.open.dialogTitle': 'Open a congress file',
  'start.recent.title': 'Recent files',
  'start.recent.empty': 'No congress file opened yet.',
  'start.recent.openedAt': 'Last opened {at}',
  'new.hint':
    'Creating it switches to the new congress. Everything in “{name}” is saved; open it again any time from Open or Recent files.',
  'start.verify.title': 'Verify a result file',
  'start.verify.description':
    'For the district organisation department: open the result files of the townships, check the signatures, recount, and add up several townships. No congress needs to be open.',
  'start.verify.button': 'Verify a result file',
};
