import type { backupsZhCN } from './messages.zh-CN.js';

/** The backups feature's texts in English: exactly the keys of the zh-CN section. */
export const backupsEn: Record<keyof typeof backupsZhCN, string> = {
  'settings.backup.title': 'Save a backup copy',
  'settings.backup.help': 'Copies the whole congress file (e.g. to a USB stick); work continues in the original.',
  'settings.backup.path': 'Backup file',
  'settings.backup.submit': 'Save backup',
  'settings.backup.done': 'Backed up to {path} ({size})',
  'settings.backup.dialogTitle': 'Save a backup copy',
  'settings.autoBackup.title': 'Automatic backups',
  'settings.autoBackup.help':
    'Copies the congress file to a folder (a USB stick) by itself: once right away, then every 3 minutes while the congress changes, and whenever a count is closed. Work goes on during a copy.',
  'settings.autoBackup.dir': 'Backup folder',
  'settings.autoBackup.dir.dialogTitle': 'Choose the folder of the automatic backups',
  'settings.autoBackup.dir.placeholder': 'The folder’s full path, e.g. E:\\Congress backups or /media/usb/backups',
  'settings.autoBackup.set': 'Use this folder',
  'settings.autoBackup.stop': 'Stop automatic backups',
  'settings.autoBackup.saved': 'Backup folder set, and a first copy made.',
  'settings.autoBackup.stopped': 'Automatic backups stopped.',
  'settings.autoBackup.current': 'Current folder',
  'settings.autoBackup.off': 'None: no automatic backups',
  'settings.autoBackup.last': 'Last copy',
  'settings.autoBackup.last.none': 'No copy since the congress was opened',
  'settings.autoBackup.lastError': 'Backup failed',
  'settings.autoBackup.reason.interval': 'on the interval',
  'settings.autoBackup.reason.round_closed': 'a round closed',
  'settings.autoBackup.reason.folder_set': 'backup folder set',
  'settings.autoBackup.lastError.help':
    'Check that the USB stick is plugged in; the congress works on, and the next copy tries again.',
  'settings.autoBackup.copies': 'Copies in the folder',
  'settings.autoBackup.copies.empty': 'No copy of this congress in the folder yet.',
  'settings.autoBackup.col.file': 'Copy',
  'settings.autoBackup.col.time': 'Made',
  'settings.autoBackup.col.size': 'Size',
  'settings.autoBackup.restore': 'Restore',
  'settings.autoBackup.restore.title': 'Restore the congress from this copy?',
  'settings.autoBackup.restore.content':
    'The congress goes back to the copy made at {at}; changes made since are no longer in it. The current congress file is not deleted: it is kept beside it as “{name}.恢复前-<time>”. The copy is checked first (intact, audit log unedited). Other stations may have to sign in again.',
  'settings.autoBackup.restore.ok': 'Restore',
  'settings.autoBackup.restored': 'Restored “{name}” ({date}) from the copy. The previous file is kept as {path}',
  'settings.autoBackup.restored.plain': 'Restored “{name}” ({date}) from the copy.',
};
