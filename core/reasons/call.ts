/** The call itself: the contract's input checks, the transport, the station's sign-in, the chief's PIN, the store and the desktop shell. */
import type { ReasonText } from './text.js';

export const callReasons = {
  'generic.not_found': { 'zh-CN': '{what}不存在(编号 {id})', en: '{what} not found (id {id})' },
  'warnings.unacknowledged': {
    'zh-CN': '有 {count} 项提醒须确认后才能保存',
    en: '{count} warning(s) must be acknowledged before this is saved',
  },
  'call.unknown_channel': { 'zh-CN': '未知的调用:{channel}', en: 'Unknown call: {channel}' },
  'call.operator_required': {
    'zh-CN': '请先填写操作员姓名,再进行修改',
    en: "Enter the operator's name before making changes",
  },
  'call.internal': {
    'zh-CN': '程序内部错误,本次操作未保存({detail})',
    en: 'Internal error; nothing was saved ({detail})',
  },
  'transport.unreachable': {
    'zh-CN': '无法连接本机服务:{detail}',
    en: 'Cannot reach the local service: {detail}',
  },
  'transport.unrecognised': {
    'zh-CN': '本机服务返回了无法识别的响应(HTTP {status})',
    en: 'The local service gave an answer that cannot be read (HTTP {status})',
  },
  'transport.failed': { 'zh-CN': '调用失败:{detail}', en: 'The call failed: {detail}' },
  'store.worker_exited': {
    'zh-CN': '数据存储进程意外退出,请重试',
    en: 'The data store process stopped unexpectedly: please try again',
  },
  'store.quitting': { 'zh-CN': '应用正在退出', en: 'The app is quitting' },
  'store.worker_failed': {
    'zh-CN': '数据存储进程无法启动:{detail}',
    en: 'The data store process cannot start: {detail}',
  },
  'store.unavailable': { 'zh-CN': '数据存储进程不可用', en: 'The data store process is not available' },
  'store.input_not_transferable': {
    'zh-CN': '无法传递参数:{detail}',
    en: 'The call’s input cannot be passed on: {detail}',
  },
  'shell.input_invalid': { 'zh-CN': '参数无效({field}):{detail}', en: 'Invalid input ({field}): {detail}' },
  'shell.pdf_path': {
    'zh-CN': 'PDF 文件路径应为以 .pdf 结尾的完整路径',
    en: 'The PDF path must be a full path ending in .pdf',
  },
  'shell.cannot_write': { 'zh-CN': '无法写入 {path}:{detail}', en: 'Cannot write {path}: {detail}' },
  'shell.foreign_sender': {
    'zh-CN': '拒绝:调用不是来自本应用的页面',
    en: 'Refused: the call does not come from a page of this app',
  },
  'shell.unknown_call': { 'zh-CN': '未知的调用', en: 'Unknown call' },
  'host.unknown_route': { 'zh-CN': '未知的接口', en: 'Unknown address' },
  'host.bad_token': { 'zh-CN': '访问令牌无效', en: 'The access token is not valid' },
  'host.bad_json': { 'zh-CN': '请求不是有效的 JSON', en: 'The request is not valid JSON' },
  'host.bad_request': { 'zh-CN': '请求应为 {shape}', en: 'A request is {shape}' },
  'host.too_large': { 'zh-CN': '请求过大(上限 {max} MB)', en: 'The request is too large (at most {max} MB)' },
  'host.internal': { 'zh-CN': '内部错误', en: 'Internal error' },
  'station.locked': {
    'zh-CN': '本工作站未登录或已锁定,请操作员输入 PIN 登录',
    en: 'This station is not signed in or is locked: an operator signs in with a PIN',
  },
  'station.sign_in_ended': {
    'zh-CN': '本工作站的登录已失效,请重新输入 PIN 登录',
    en: "This station's sign-in has ended: sign in again with the PIN",
  },
  'role.forbidden': {
    'zh-CN': '{role|role}「{name}」无权进行此项操作({channel})',
    en: '{name} ({role|role}) may not make this call ({channel})',
  },
  'chief.required': {
    'zh-CN': '此项操作须由总监票人当场输入 PIN 确认',
    en: 'The chief scrutineer must confirm this with their PIN',
  },
  'chief.not_chief': {
    'zh-CN': '「{name}」不是总监票人,此项操作须由总监票人确认',
    en: '{name} is not the chief scrutineer; the chief scrutineer must confirm this',
  },
  'input.required': { 'zh-CN': '字段 {field}: 必须填写', en: 'Field {field}: required' },
  'input.type': { 'zh-CN': '字段 {field}: 应为{expected|type}', en: 'Field {field}: must be {expected|type}' },
  'input.empty': { 'zh-CN': '字段 {field}: 不能为空', en: 'Field {field}: must not be empty' },
  'input.too_short': { 'zh-CN': '字段 {field}: 至少 {min} 个字符', en: 'Field {field}: at least {min} characters' },
  'input.too_long': { 'zh-CN': '字段 {field}: 不能超过 {max} 个字符', en: 'Field {field}: at most {max} characters' },
  'input.too_few': { 'zh-CN': '字段 {field}: 至少 {min} 项', en: 'Field {field}: at least {min} items' },
  'input.too_many': { 'zh-CN': '字段 {field}: 不能超过 {max} 项', en: 'Field {field}: at most {max} items' },
  'input.too_small': { 'zh-CN': '字段 {field}: 不能小于 {min}', en: 'Field {field}: must be at least {min}' },
  'input.not_above': { 'zh-CN': '字段 {field}: 必须大于 {min}', en: 'Field {field}: must be more than {min}' },
  'input.too_large': { 'zh-CN': '字段 {field}: 不能大于 {max}', en: 'Field {field}: must be at most {max}' },
  'input.not_below': { 'zh-CN': '字段 {field}: 必须小于 {max}', en: 'Field {field}: must be less than {max}' },
  'input.one_of': { 'zh-CN': '字段 {field}: 应为 {values} 之一', en: 'Field {field}: must be one of {values}' },
  'input.format': { 'zh-CN': '字段 {field}: 格式不正确', en: 'Field {field}: wrong format' },
  'input.unknown_field': { 'zh-CN': '字段 {field}: 不是本操作的字段', en: 'Field {field}: not a field of this call' },
  'input.invalid': { 'zh-CN': '字段 {field}: 不正确', en: 'Field {field}: not valid' },
  'input.date': { 'zh-CN': '字段 {field}: 日期格式应为 YYYY-MM-DD', en: 'Field {field}: a date is written YYYY-MM-DD' },
  'input.month_or_date': {
    'zh-CN': '字段 {field}: 日期格式应为 YYYY-MM 或 YYYY-MM-DD',
    en: 'Field {field}: a date is written YYYY-MM or YYYY-MM-DD',
  },
  'input.absolute_path': {
    'zh-CN': '字段 {field}: 须为完整路径(如 /home/… 或 D:\\…)',
    en: 'Field {field}: must be a full path (like /home/… or D:\\…)',
  },
  'input.base64': { 'zh-CN': '字段 {field}: 内容不是 base64', en: 'Field {field}: the content is not base64' },
  'input.reason_required': { 'zh-CN': '字段 {field}: 须填写原因', en: 'Field {field}: a reason is required' },
  'input.pin_format': { 'zh-CN': '字段 {field}: PIN 须为 4–12 位数字', en: 'Field {field}: a PIN is 4–12 digits' },
  'input.members_need_contest': {
    'zh-CN': '字段 {field}: 委员全体会议须指明产生委员的选举,代表会议不指明',
    en: 'Field {field}: a plenary of members names the contest that elected them; a congress session names none',
  },
  'input.context': { 'zh-CN': '调用信息不正确({field})', en: 'The call context is not valid ({field})' },
} satisfies Record<string, ReasonText>;
