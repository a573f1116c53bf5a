/** Files: open, create, back up, restore; the installation key and the signed result file. */
import type { ReasonText } from './text.js';

export const fileReasons = {
  'file.not_congress': { 'zh-CN': '“{file}”不是大会文件', en: '“{file}” is not a congress file' },
  'file.corrupt': {
    'zh-CN': '“{file}”已损坏,无法打开({detail})',
    en: '“{file}” is damaged and cannot be opened ({detail})',
  },
  'file.not_a_file': { 'zh-CN': '“{path}”不是文件', en: '“{path}” is not a file' },
  'file.missing': { 'zh-CN': '文件不存在:{path}', en: 'No such file: {path}' },
  'file.unreadable': { 'zh-CN': '无法读取“{path}”:{detail}', en: 'Cannot read “{path}”: {detail}' },
  'file.newer_version': {
    'zh-CN': '“{file}”由更新版本的程序创建(架构版本 {version}),本程序支持到 {supported}',
    en: '“{file}” was made by a newer version of the app (schema {version}); this one reads up to {supported}',
  },
  'file.cannot_open': { 'zh-CN': '无法打开“{file}”:{detail}', en: 'Cannot open “{file}”: {detail}' },
  'file.exists': { 'zh-CN': '“{path}”已存在,不会覆盖', en: '“{path}” exists already and is not overwritten' },
  'file.folder_missing': { 'zh-CN': '文件夹不存在:{folder}', en: 'No such folder: {folder}' },
  'file.cannot_create': { 'zh-CN': '无法创建“{path}”:{detail}', en: 'Cannot create “{path}”: {detail}' },
  'file.cannot_write': { 'zh-CN': '无法写入文件:{detail}', en: 'Cannot write the file: {detail}' },
  'backup.failed': { 'zh-CN': '备份失败:{detail}', en: 'The backup failed: {detail}' },
  'backup.folder_missing': {
    'zh-CN': '备份文件夹不存在:{folder}(U 盘是否已插好?)',
    en: 'The backup folder does not exist: {folder} (is the USB stick plugged in?)',
  },
  'backup.auto_failed': {
    'zh-CN': '备份到 {dir} 失败:{detail}',
    en: 'The backup to {dir} failed: {detail}',
  },
  'backup.same_file': {
    'zh-CN': '备份文件与要恢复的大会文件是同一个文件',
    en: 'The backup is the very congress file it would replace',
  },
  'backup.audit_broken': {
    'zh-CN': '备份文件的审计日志第 {id} 条被改动,不能用它恢复',
    en: "Entry {id} of the backup's audit log was altered: it cannot be restored",
  },
  'backup.restore_failed': { 'zh-CN': '恢复失败:{detail}', en: 'The restore failed: {detail}' },
  'key.unavailable': {
    'zh-CN': '无法读取或生成本机签名密钥:{detail}',
    en: "Cannot read or make this installation's signing key: {detail}",
  },
  'results.contests_open': { 'zh-CN': '尚有选举未结束:{contests}', en: 'Contests still open: {contests}' },
  'results.no_contests': {
    'zh-CN': '大会还没有任何选举,无可导出的结果',
    en: 'The congress has no contest yet: there is no result to export',
  },
  'results.audit_broken': {
    'zh-CN': '审计日志校验失败(第 {id} 条被改动),不能导出结果',
    en: 'The audit log does not check out (entry {id} was altered): no result can be exported',
  },
  'signature.not_found': { 'zh-CN': '没有编号 {id} 的签名', en: 'No signature with id {id}' },
} satisfies Record<string, ReasonText>;
