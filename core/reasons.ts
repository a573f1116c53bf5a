/**
 * Why a call was refused or warned, as codes with their texts in both UI languages. A handler
 * refuses with `refuse(code, reason, params)`: the wire carries the reason and its values, and
 * the UI renders them in its own language (`reasonText`). `message` stays on the wire in zh-CN
 * for the CLI, the logs and any older client.
 *
 * Placeholders are `{name}`; values are data (a contest's title, a number), never sentences.
 * Add a reason here with both texts; `tests/core/reasons.test.ts` keeps every used reason
 * present and both languages' placeholders equal.
 */
export type Language = 'zh-CN' | 'en';

interface ReasonText {
  'zh-CN': string;
  en: string;
}

export const reasons = {
  // ——— generic ———
  'generic.not_found': { 'zh-CN': '{what}不存在(编号 {id})', en: '{what} not found (id {id})' },
  // ——— rounds ———
  'round.not_distributed': {
    'zh-CN': '「{contest}」第 {round} 轮的选票尚未分发',
    en: 'The papers of round {round} of “{contest}” have not been distributed',
  },
  'round.already_distributed': {
    'zh-CN': '「{contest}」第 {round} 轮的选票已经分发',
    en: 'The papers of round {round} of “{contest}” are already distributed',
  },
  'round.paper_locked': {
    'zh-CN': '「{contest}」第 {round} 轮已发出选票,候选人顺序已锁定',
    en: 'Round {round} of “{contest}” has issued its papers: the candidate order is locked',
  },
  'round.no_paper_order': {
    'zh-CN': '「{contest}」第 {round} 轮的候选人顺序尚未确认,不能分发选票',
    en: 'The candidate order of round {round} of “{contest}” is not approved: papers cannot be distributed',
  },
  'round.not_collected': {
    'zh-CN': '「{contest}」第 {round} 轮尚未登记收回的选票数',
    en: 'The papers collected in round {round} of “{contest}” are not recorded yet',
  },
  'round.closed': {
    'zh-CN': '「{contest}」第 {round} 轮已结束计票',
    en: 'Round {round} of “{contest}” is closed',
  },
  'round.void': {
    'zh-CN': '「{contest}」第 {round} 轮已宣布无效',
    en: 'Round {round} of “{contest}” has been declared void',
  },
  'round.contest_closed': {
    'zh-CN': '「{contest}」已结束',
    en: '“{contest}” has finished',
  },
  'round.contest_not_voting': {
    'zh-CN': '「{contest}」第一轮尚未投票,不能另行选举',
    en: '“{contest}” has not voted its first round: no additional round yet',
  },
  'round.open_round': {
    'zh-CN': '「{contest}」第 {round} 轮尚未结束',
    en: 'Round {round} of “{contest}” is still open',
  },
  'round.seats_over_unfilled': {
    'zh-CN': '另行选举 {seats} 名超过尚缺的 {unfilled} 名',
    en: 'An additional round for {seats} seats exceeds the {unfilled} still unfilled',
  },
  'round.not_candidate': {
    'zh-CN': '编号 {id} 不是「{contest}」的候选人',
    en: 'Id {id} is not a candidate of “{contest}”',
  },
  'round.already_elected': {
    'zh-CN': '{name} 已当选,不能再作为候选人',
    en: '{name} is already elected and cannot stand again',
  },
  'round.candidate_twice': {
    'zh-CN': '候选人 {name} 列了两次',
    en: 'Candidate {name} is listed twice',
  },
  'round.no_candidates': {
    'zh-CN': '另行选举须至少有一名候选人',
    en: 'An additional round needs at least one candidate',
  },
  'round.printed_short': {
    'zh-CN': '印制选票 {printed} 张,少于发出 {issued} 张与作废 {spare} 张之和',
    en: '{printed} papers printed is fewer than {issued} issued plus {spare} spare voided',
  },
  'round.quorum_not_met': {
    'zh-CN': '到会人数不足,不能进行选举:应到 {due} 人,实到 {present} 人,还差 {needed} 人',
    en: 'No quorum, no vote: {due} due, {present} present, {needed} more needed',
  },
  'round.issued_over_present': {
    'zh-CN': '发出选票 {issued} 张,多于实到会有选举权人数 {present} 人',
    en: '{issued} papers issued is more than the {present} voters present',
  },
  'round.collected_under_entered': {
    'zh-CN': '收回 {collected} 张少于已录入的 {entered} 张选票',
    en: '{collected} papers collected is fewer than the {entered} already entered',
  },
  'candidates.order_missing': {
    'zh-CN': '顺序中缺少候选人:{names}',
    en: 'The order leaves out: {names}',
  },
  'candidates.row_already_candidate': {
    'zh-CN': '第 {row} 行:{name} 已是「{contest}」的候选人',
    en: 'Row {row}: {name} is already a candidate of “{contest}”',
  },
  'round.delegate_already_candidate': {
    'zh-CN': '{name} 已是「{contest}」的候选人',
    en: '{name} is already a candidate of “{contest}”',
  },
  // ——— pre-vote ———
  'prevote.not_prevote': {
    'zh-CN': '「{contest}」不是预选',
    en: '“{contest}” is not a pre-vote',
  },
  'prevote.not_closed': {
    'zh-CN': '预选「{contest}」尚未结束,不能产生正式候选人',
    en: 'The pre-vote “{contest}” has not finished: no formal candidates yet',
  },
  'prevote.already_used': {
    'zh-CN': '预选「{contest}」已产生正式选举「{formal}」',
    en: 'The pre-vote “{contest}” already made the formal contest “{formal}”',
  },
  'prevote.nobody_elected': {
    'zh-CN': '预选「{contest}」没有产生正式候选人',
    en: 'The pre-vote “{contest}” produced no formal candidates',
  },
  // ——— officials ———
  'officials.is_candidate': {
    'zh-CN': '{name} 是「{contest}」的候选人,不能担任监票人',
    en: '{name} is a candidate of “{contest}” and cannot be a scrutineer',
  },
  'officials.not_voter': {
    'zh-CN': '{name} 不是本次会议有选举权的代表,不能担任监票人',
    en: '{name} is not a voter of this meeting and cannot be a scrutineer',
  },
  'officials.delegate_required': {
    'zh-CN': '总监票人、监票人须从名册中选择有选举权的代表',
    en: 'The chief scrutineer and scrutineers are chosen from the voters on the roster',
  },
  'officials.approval_required': {
    'zh-CN': '须填写大会通过 {name} 担任监票人的情况',
    en: 'Record how the meeting approved {name} as a scrutineer',
  },
  'officials.already_official': {
    'zh-CN': '{name} 已是「{contest}」的工作人员',
    en: '{name} already serves “{contest}”',
  },
  'officials.chief_exists': {
    'zh-CN': '「{contest}」已有总监票人 {name}',
    en: '“{contest}” already has a chief scrutineer, {name}',
  },
  'officials.locked': {
    'zh-CN': '「{contest}」已发出选票,不能再撤换工作人员',
    en: '“{contest}” has issued papers: its officials can no longer be removed',
  },
  'officials.contest_closed': {
    'zh-CN': '「{contest}」已结束,不能再任命工作人员',
    en: '“{contest}” has finished: no more officials can be appointed',
  },
  'officials.not_found': {
    'zh-CN': '工作人员记录不存在(编号 {id})',
    en: 'Official not found (id {id})',
  },
  'officials.candidate_is_scrutineer': {
    'zh-CN': '{name} 是「{contest}」的监票人,不能作为候选人',
    en: '{name} is a scrutineer of “{contest}” and cannot stand in it',
  },
  // ——— meetings ———
  'meetings.contest_not_closed': {
    'zh-CN': '「{contest}」尚未选举结束,其当选委员还不能组成全体会议',
    en: '“{contest}” has not finished: its elected members cannot form a plenary yet',
  },
  'meetings.contest_prevote': {
    'zh-CN': '「{contest}」是预选,不产生委员',
    en: '“{contest}” is a pre-vote: it elects no members',
  },
  'meetings.member_not_on_roster': {
    'zh-CN': '「{contest}」当选的 {name} 不能对应到名册上唯一的一名代表(找到 {matches} 名)',
    en: '{name}, elected in “{contest}”, matches no single delegate on the roster ({matches} found)',
  },
  'meetings.not_member': {
    'zh-CN': '{name}({badge})不是「{contest}」当选的委员,不参加本次会议',
    en: '{name} ({badge}) is not a member elected in “{contest}” and does not attend this meeting',
  },
  'meetings.candidate_not_member': {
    'zh-CN': '{name} 不是「{contest}」当选的委员,不能作为本次会议的候选人',
    en: '{name} is not a member elected in “{contest}” and cannot stand at this meeting',
  },
  'meetings.approval_not_members': {
    'zh-CN': '「{meeting}」不是委员全体会议',
    en: '“{meeting}” is not a plenary of members',
  },
  'meetings.approval_same': {
    'zh-CN': '会议不能批准自己的选举结果',
    en: 'A meeting cannot approve its own result',
  },
  'meetings.approval_no_result': {
    'zh-CN': '「{meeting}」的选举尚未全部结束,还没有可批准的结果',
    en: '“{meeting}” has not finished all its elections: there is no result to approve yet',
  },
  'meetings.approval_exists': {
    'zh-CN': '「{meeting}」已经批准过「{approved}」的选举结果',
    en: '“{meeting}” has already approved the result of “{approved}”',
  },
  'attendance.excluded': {
    'zh-CN': '{name}({badge})已经批准不计入应到人数,不能登记报到或请假',
    en: '{name} ({badge}) is excluded from those due: no check-in or leave can be recorded',
  },
  'attendance.exclusion_not_voter': {
    'zh-CN': '{name}({badge})不是本次会议有选举权的人员,无需从应到人数中除去',
    en: '{name} ({badge}) is not a voter of this meeting: there is nothing to exclude',
  },
  'attendance.exclusion_exists': {
    'zh-CN': '{name}({badge})已经不计入应到人数',
    en: '{name} ({badge}) is already excluded from those due',
  },
  'attendance.exclusion_present': {
    'zh-CN': '{name}({badge})已经报到,须先撤销报到才能从应到人数中除去',
    en: '{name} ({badge}) is checked in: undo the check-in before excluding them',
  },
  'attendance.exclusion_after_distribution': {
    'zh-CN': '「{meeting}」已经分发选票,应到人数已记入选举,不能再更改',
    en: 'Ballots have been distributed at “{meeting}”: those due are part of the vote and can no longer change',
  },
  'attendance.exclusion_not_found': {
    'zh-CN': '没有编号为 {id} 的有效除去记录',
    en: 'No standing exclusion with id {id}',
  },
  // ——— errors and warnings (the call itself, the station, the chief's PIN) ———
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
  'congress.none_open': { 'zh-CN': '尚未打开大会文件', en: 'No congress file is open' },
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

  // ——— contract validation (db/validation-messages.ts); {field} is the input's path ———
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

  // ——— files: open, create, back up, restore, export ———
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

  // ——— congress, delegates, roster, meetings, attendance ———
  'delegate.not_found': { 'zh-CN': '代表不存在(编号 {id})', en: 'No such delegate (id {id})' },
  'delegate.badge_taken': {
    'zh-CN': '代表证号 {badge} 已被 {holder} 使用',
    en: 'Badge number {badge} is already used by {holder}',
  },
  'roster.invalid': {
    'zh-CN': '名单有 {count} 处问题,未导入任何代表',
    en: 'The roster has {count} problem(s): no delegate was imported',
  },
  'roster.no_header': {
    'zh-CN': '前 {rows} 行中找不到表头:表头行应至少包含两个可识别的列名,如「代表证号」「姓名」「性别」「代表团」',
    en: 'No header row in the first {rows} rows: a header names at least two known columns (badge number, name, gender, delegation)',
  },
  'roster.header_twice': {
    'zh-CN': '第 {row} 行表头中「{first}」与「{second}」都表示{field|field},请删除或改名其中一列',
    en: 'In the header (row {row}) “{first}” and “{second}” both mean {field|field}: delete or rename one of them',
  },
  'roster.column_missing': {
    'zh-CN': '缺少必需的列「{field|field}」(第 {row} 行为表头)',
    en: 'The required column “{field|field}” is missing (the header is row {row})',
  },
  'roster.too_many_rows': {
    'zh-CN': '名册共 {rows} 行数据,超过上限 {max} 行(从第 {row} 行起超出),请检查是否选错了文件',
    en: 'The roster has {rows} rows of data, more than the {max} allowed (from row {row}): is it the right file?',
  },
  'roster.cell_formula': {
    'zh-CN': '第 {row} 行「{column}」列是公式单元格无结果(「{value}」),请在 Excel 中重新计算并保存,或改为数值',
    en: 'Row {row}, column “{column}”: a formula without a result (“{value}”): recalculate and save it in Excel, or type the value',
  },
  'roster.cell_error': {
    'zh-CN': '第 {row} 行「{column}」列是错误值 {value},请改正该单元格',
    en: 'Row {row}, column “{column}”: the error value {value}; correct the cell',
  },
  'roster.cell_too_long': {
    'zh-CN': '第 {row} 行「{column}」列的内容长达 {length} 个字符,超过上限 {max}',
    en: 'Row {row}, column “{column}”: {length} characters, more than the {max} allowed',
  },
  'roster.badge_missing': {
    'zh-CN': '第 {row} 行「{column}」列缺少代表证号',
    en: 'Row {row}, column “{column}”: the badge number is missing',
  },
  'roster.name_missing': {
    'zh-CN': '第 {row} 行「{column}」列缺少姓名',
    en: 'Row {row}, column “{column}”: the name is missing',
  },
  'roster.gender_unknown': {
    'zh-CN': '第 {row} 行「{column}」列的值「{value}」不是可识别的性别,应为「男」或「女」',
    en: 'Row {row}, column “{column}”: “{value}” is not a gender the roster knows (male or female)',
  },
  'roster.category_unknown': {
    'zh-CN': '第 {row} 行「{column}」列的值「{value}」不是可识别的类别,应为「正式代表」「候补代表」或「列席」',
    en: 'Row {row}, column “{column}”: “{value}” is not a known category (delegate, alternate or non-voting)',
  },
  'roster.birth_date_invalid': {
    'zh-CN': '第 {row} 行「{column}」列的值「{value}」不是有效的出生年月:{why|birth_fault}',
    en: 'Row {row}, column “{column}”: “{value}” is not a valid birth month: {why|birth_fault}',
  },
  'roster.birth_year_range': {
    'zh-CN': '第 {row} 行「{column}」列的值「{value}」不是有效的出生年月:年份应在 1900–{max} 之间',
    en: 'Row {row}, column “{column}”: “{value}” is not a valid birth month: the year must be from 1900 to {max}',
  },
  'roster.value_too_long': {
    'zh-CN': '第 {row} 行「{column}」列的值「{value}」共 {length} 个字符,超过上限 {max}',
    en: 'Row {row}, column “{column}”: “{value}” has {length} characters, more than the {max} allowed',
  },
  'roster.badge_repeated': {
    'zh-CN': '第 {row} 行「{column}」列的代表证号「{value}」重复:第 {first} 行与第 {row} 行',
    en: 'Row {row}, column “{column}”: badge number “{value}” repeats: rows {first} and {row}',
  },
  'roster.value_invalid': {
    'zh-CN': '第 {row} 行「{column}」列的值不符合要求:{detail}',
    en: 'Row {row}, column “{column}”: the value is not acceptable: {detail}',
  },
  'roster.file_empty': { 'zh-CN': '文件「{file}」是空的', en: 'The file “{file}” is empty' },
  'roster.file_too_big': {
    'zh-CN': '文件「{file}」有 {size} MB,超过名册文件上限 {max} MB,请检查是否选错了文件',
    en: 'The file “{file}” is {size} MB, more than the {max} MB a roster may be: is it the right file?',
  },
  'roster.file_xls': {
    'zh-CN': '不支持 .{ext},请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入(文件「{file}」)',
    en: '.{ext} is not supported: save it as .xlsx or .csv in Excel or WPS, then import (file “{file}”)',
  },
  'roster.file_type': {
    'zh-CN': '不支持的文件类型「{ext|file_ext}」(文件「{file}」),请选择 .xlsx 或 .csv 文件',
    en: 'Unsupported file type “{ext|file_ext}” (file “{file}”): choose an .xlsx or .csv file',
  },
  'roster.file_unreadable': {
    'zh-CN': '无法读取文件「{file}」:{detail}',
    en: 'Cannot read the file “{file}”: {detail}',
  },
  'roster.file_old_xls': {
    'zh-CN': '文件「{file}」实际是旧版 .xls 格式或设置了打开密码:不支持 .xls,请取消密码并另存为 .xlsx 或 .csv',
    en: 'The file “{file}” is really an old .xls or has an opening password: remove the password and save it as .xlsx or .csv',
  },
  'roster.file_not_xlsx': {
    'zh-CN': '文件「{file}」不是有效的 .xlsx 文件(内容不是 Excel 工作簿),请确认文件未损坏',
    en: 'The file “{file}” is not a valid .xlsx (its content is not an Excel workbook): check that it is not damaged',
  },
  'roster.file_damaged': {
    'zh-CN': '文件「{file}」已损坏,无法作为 .xlsx 打开({detail})',
    en: 'The file “{file}” is damaged and cannot be opened as .xlsx ({detail})',
  },
  'roster.file_no_sheet': {
    'zh-CN': '文件「{file}」中没有含数据的工作表',
    en: 'The file “{file}” has no sheet with data',
  },
  'roster.sheet_too_long': {
    'zh-CN': '工作表「{sheet}」有 {rows} 行,超过名册上限 {max} 行(第 {row} 行起超出)',
    en: 'The sheet “{sheet}” has {rows} rows, more than the {max} a roster may have (from row {row})',
  },
  'roster.file_binary': {
    'zh-CN': '文件「{file}」含有二进制内容,不是文本格式的 .csv 文件',
    en: 'The file “{file}” holds binary content: it is not a text .csv file',
  },
  'roster.csv_row_unreadable': {
    'zh-CN': '文件「{file}」第 {row} 行无法读取:{detail}',
    en: 'Row {row} of the file “{file}” cannot be read: {detail}',
  },
  'roster.csv_cell_too_long': {
    'zh-CN': '文件「{file}」第 {row} 行无法读取:一个单元格超过 {max} 个字符',
    en: 'Row {row} of the file “{file}” cannot be read: a cell has more than {max} characters',
  },
  'roster.csv_quote_open': {
    'zh-CN': '文件「{file}」第 {row} 行无法读取:引号未闭合',
    en: 'Row {row} of the file “{file}” cannot be read: a quote is not closed',
  },
  'roster.file_too_many_rows': {
    'zh-CN': '文件「{file}」超过名册上限 {max} 行(第 {row} 行起超出)',
    en: 'The file “{file}” has more than the {max} rows a roster may have (from row {row})',
  },
  'candidates.no_name_column': {
    'zh-CN':
      '前 {rows} 行中找不到「姓名」列:候选人名单的表头应包含「姓名」,可另有「性别」「出生年月」「民族」「学历」「工作单位」',
    en: 'No name column in the first {rows} rows: a candidate list has a name column, and may have gender, birth month, ethnicity, education and workplace',
  },
  'roster.badge_twice': { 'zh-CN': '代表证号 {badge} 重复', en: 'Badge number {badge} appears twice' },
  'roster.empty': {
    'zh-CN': '名单中没有代表,未导入任何代表',
    en: 'The roster lists no delegate: nothing was imported',
  },
  'meeting.not_found': { 'zh-CN': '会议不存在(编号 {id})', en: 'No such meeting (id {id})' },
  'attendance.badge_unknown': { 'zh-CN': '没有代表证号为 {badge} 的代表', en: 'No delegate has badge number {badge}' },
  'attendance.nothing_to_undo': { 'zh-CN': '没有可撤销的报到', en: 'There is no check-in to undo' },
  'attendance.changed_since': {
    'zh-CN': '{name}({badge})报到后状态已被更改,不能撤销这次报到',
    en: '{name} ({badge}) changed status after checking in: this check-in cannot be undone',
  },
  'attendance.leave_reason_required': {
    'zh-CN': '字段 reason: 请假须填写事由',
    en: 'Field reason: leave needs a reason',
  },

  // ——— discipline: oath and pledge ———
  'oath.not_found': { 'zh-CN': '宣誓记录不存在(编号 {id})', en: 'No such oath record (id {id})' },
  'oath.already_held': {
    'zh-CN': '{meeting}已于 {at} 集中宣誓',
    en: '{meeting} took the collective oath already at {at}',
  },
  'oath.nobody_present': {
    'zh-CN': '尚无代表报到,不能开始宣誓',
    en: 'No delegate has checked in: the oath cannot start',
  },
  'oath.ended': { 'zh-CN': '宣誓已于 {at} 结束', en: 'The oath ended at {at}' },
  'oath.non_voting': {
    'zh-CN': '{name}是列席人员,不参加代表宣誓',
    en: '{name} attends without a vote and does not take the delegates’ oath',
  },
  'oath.not_present': { 'zh-CN': '{name}尚未报到', en: '{name} has not checked in' },
  'oath.already_joined': {
    'zh-CN': '{name}已在宣誓名单中({at})',
    en: '{name} is on the oath list already ({at})',
  },
  'pledge.non_voting': {
    'zh-CN': '{name}是列席人员,不签承诺书',
    en: '{name} attends without a vote and does not sign the pledge',
  },
  'pledge.text_changed': {
    'zh-CN': '承诺书文本已更新为第 {version} 版,请重新阅读后签署',
    en: 'The pledge text is now version {version}: read it again, then sign',
  },
  'pledge.already_signed': { 'zh-CN': '{name}已于 {at} 签署承诺书', en: '{name} signed the pledge at {at}' },
  'pledge.signature_not_png': {
    'zh-CN': '字段 signaturePngBase64: 签名须为 PNG 图像',
    en: 'Field signaturePngBase64: the signature must be a PNG image',
  },
  'pledge.already_refused': {
    'zh-CN': '{name}({badge})已记录为拒签',
    en: '{name} ({badge}) is recorded as having refused',
  },
  'pledge.not_found': { 'zh-CN': '承诺书记录不存在(编号 {id})', en: 'No such pledge record (id {id})' },
  'pledge.already_withdrawn': { 'zh-CN': '该记录已于 {at} 撤回', en: 'This record was withdrawn at {at}' },
  'signature.not_found': { 'zh-CN': '没有编号 {id} 的签名', en: 'No signature with id {id}' },

  // ——— operators and PINs ———
  'operator.not_found': { 'zh-CN': '操作员不存在(编号 {id})', en: 'No such operator (id {id})' },
  'operator.first_must_be_secretariat': {
    'zh-CN': '第一位操作员须为大会秘书处:此后每项修改都要先登录',
    en: 'The first operator must be the secretariat: from then on every change needs a sign-in',
  },
  'operator.name_taken': { 'zh-CN': '已有名为「{name}」的操作员', en: 'There is an operator named {name} already' },
  'operator.last_secretariat': {
    'zh-CN': '「{name}」是唯一的大会秘书处操作员,不能停用或改为其他角色',
    en: '{name} is the only secretariat operator: they cannot be disabled or given another role',
  },
  'operator.disabled': { 'zh-CN': '操作员「{name}」已停用', en: 'Operator {name} is disabled' },
  'operator.pin_wait': {
    'zh-CN': '「{name}」PIN 连续输错,请 {seconds} 秒后再试',
    en: "{name}'s PIN was wrong several times: try again in {seconds} s",
  },
  'operator.pin_wrong': { 'zh-CN': '「{name}」的 PIN 不正确', en: "{name}'s PIN is not correct" },

  // ——— contests, candidates ———
  'contest.not_found': { 'zh-CN': '选举不存在(编号 {id})', en: 'No such contest (id {id})' },
  'contest.ballots_issued': {
    'zh-CN': '「{contest}」已发出选票,不能再{action|setup_action}',
    en: 'Ballots of “{contest}” are issued: it is too late to {action|setup_action}',
  },
  'contest.not_double_entry': {
    'zh-CN': '「{contest}」未启用双录',
    en: '“{contest}” is not counted by double entry',
  },
  'contest.reduce_setup': {
    'zh-CN': '「{contest}」尚未投票,应选名额请直接修改',
    en: '“{contest}” has not voted yet: change its seats directly',
  },
  'contest.reduce_closed': {
    'zh-CN': '「{contest}」已结束,不能再减少名额',
    en: '“{contest}” is closed: its seats can no longer be reduced',
  },
  'contest.reduce_round_open': {
    'zh-CN': '「{contest}」第 {round} 轮尚未结束,不能减少名额',
    en: 'Round {round} of “{contest}” is not closed: the seats cannot be reduced',
  },
  'contest.reduce_not_fewer': {
    'zh-CN': '减少后的名额 {seats} 应少于原应选名额 {current}',
    en: 'The reduced seats ({seats}) must be fewer than the seats now ({current})',
  },
  'contest.reduce_below_elected': {
    'zh-CN': '减少后的名额 {seats} 少于已当选的 {elected} 人',
    en: 'The reduced seats ({seats}) are fewer than those elected already ({elected})',
  },
  'candidate.not_found': { 'zh-CN': '候选人不存在(编号 {id})', en: 'No such candidate (id {id})' },
  'candidates.file_invalid': {
    'zh-CN': '候选人名单有 {count} 处问题,未导入任何候选人',
    en: 'The candidate list has {count} problem(s): no candidate was imported',
  },
  'candidates.file_empty': {
    'zh-CN': '名单中没有候选人,未导入任何候选人',
    en: 'The list names no candidate: nothing was imported',
  },
  'candidates.duplicate_row': {
    'zh-CN': '第 {row} 行「{name}」与第 {earlier} 行重复',
    en: 'Row {row} ({name}) repeats row {earlier}',
  },
  'candidates.order_twice': {
    'zh-CN': '候选人 {name} 在顺序中出现了两次',
    en: 'Candidate {name} appears twice in the order',
  },
  // ——— rounds: distribution, collection, close, additional rounds ———
  'round.not_found': { 'zh-CN': '投票轮次不存在(编号 {id})', en: 'No such round (id {id})' },
  'round.close_blocked': {
    'zh-CN': '「{contest}」第 {round} 轮不能结束计票',
    en: 'Round {round} of “{contest}” cannot close yet',
  },
  'round.ballots_missing': {
    'zh-CN': '已录入 {entered} 张,收回 {collected} 张',
    en: '{entered} entered of {collected} collected',
  },
  'round.set_aside_pending': {
    'zh-CN': '{n} 张交监票人的选票尚未裁定',
    en: '{n} ballots set aside wait for the scrutineers’ decision',
  },
  'round.stacks_unreconciled': {
    'zh-CN': '{n} 叠选票双录核对尚未完成',
    en: 'The double-entry check of {n} stacks is not finished',
  },
  // ——— ballots and stacks ———
  'ballot.not_found': { 'zh-CN': '选票记录不存在(编号 {id})', en: 'No such ballot record (id {id})' },
  'ballot.marks_count': {
    'zh-CN': '「{contest}」第 {round} 轮有 {expected} 名候选人,这张选票录入了 {given} 个标记',
    en: 'Round {round} of “{contest}” has {expected} candidates; this ballot has {given} marks',
  },
  'ballot.voided': {
    'zh-CN': '第 {seq} 号选票记录已作废,只能更改现行的版本',
    en: 'Ballot {seq} as recorded was voided: only its current version can change',
  },
  'ballot.corrected': {
    'zh-CN': '第 {seq} 号选票记录已被更正,只能更改现行的版本',
    en: 'Ballot {seq} as recorded was corrected: only its current version can change',
  },
  'ballot.stack_required': {
    'zh-CN': '「{contest}」双录:须填写选票叠号',
    en: '“{contest}” is counted by double entry: give the stack number',
  },
  'ballot.entry_required': {
    'zh-CN': '「{contest}」双录:须指明第 1 次还是第 2 次录入',
    en: '“{contest}” is counted by double entry: say whether this is the first or second entry',
  },
  'ballot.no_double_entry': {
    'zh-CN': '「{contest}」未启用双录,不填写叠号和录入次数',
    en: '“{contest}” is not counted by double entry: no stack or entry number',
  },
  'ballot.all_entered': {
    'zh-CN': '「{contest}」第 {round} 轮选票已全部录入:收回 {collected} 张,已录入 {entered} 张',
    en: 'Every ballot of round {round} of “{contest}” is entered: {collected} collected, {entered} entered',
  },
  'ballot.all_entered_pass': {
    'zh-CN': '「{contest}」第 {round} 轮第 {entry} 次录入选票已全部录入:收回 {collected} 张,已录入 {entered} 张',
    en: 'Entry {entry} of round {round} of “{contest}” is complete: {collected} collected, {entered} entered',
  },
  'ballot.correction_same': {
    'zh-CN': '更正后的内容与第 {seq} 号选票记录相同',
    en: 'The correction is the same as ballot {seq} as recorded',
  },
  'ballot.not_set_aside': {
    'zh-CN': '第 {seq} 号选票不在待裁定的选票中',
    en: 'Ballot {seq} is not among those set aside',
  },
  'ballot.already_decided': { 'zh-CN': '第 {seq} 号选票已由 {by} 裁定', en: 'Ballot {seq} was decided by {by}' },
  'stack.no_position': {
    'zh-CN': '「{contest}」第 {round} 轮第 {stack} 叠没有第 {position} 张选票',
    en: 'Stack {stack} of round {round} of “{contest}” has no ballot {position}',
  },
  'stack.entries_agree': {
    'zh-CN': '「{contest}」第 {round} 轮第 {stack} 叠第 {position} 张两次录入相同,无需核对',
    en: 'Both entries of ballot {position} in stack {stack} of round {round} of “{contest}” agree: nothing to check',
  },

  // ——— count rules ———
  'count.marking_locked': {
    'zh-CN': '「{contest}」已录入 {ballots} 张选票,划票规则不能再修改',
    en: '{ballots} ballot(s) of “{contest}” are entered: its marking convention can no longer change',
  },
  'count.marking_group_differs': {
    'zh-CN': '「{contest}」与同组(「{group}」)的「{other}」划票规则不同:同一组选票须用同一种划票规则',
    en: '“{contest}” and “{other}” share paper group “{group}” but not their marking convention: one group, one convention',
  },

  // ——— warnings: allowed but unusual, acknowledged and audited ———
  'warning.issued_below_present': {
    'zh-CN': '发出选票 {issued} 张,少于实到会有选举权人数 {present} 人',
    en: '{issued} ballots issued, fewer than the {present} voters present',
  },
  'warning.margin_short': {
    'zh-CN': '「{contest}」应选 {seats} 名,候选人 {candidates} 名,少于差额要求的 {required} 名',
    en: '“{contest}” has {candidates} candidates for {seats} seats, fewer than the {required} the margin requires',
  },
  'warning.additional_one_for_one': {
    'zh-CN': '「{contest}」另行选举 {seats} 名,候选人也只有 {candidates} 名(等额)',
    en: 'The additional round of “{contest}” has as many candidates ({candidates}) as seats ({seats})',
  },
  'warning.write_in_disregarded': {
    'zh-CN': '另选人「{name}」不计票:{why|write_in_fate}',
    en: 'The write-in “{name}” does not count: {why|write_in_fate}',
  },
} satisfies Record<string, ReasonText>;

/**
 * Words a placeholder may look up instead of printing its value: `{role|role}` prints the role
 * `secretariat` as 大会秘书处 / secretariat. Values are codes (data); the words are the catalogue's.
 */
export const terms = {
  role: {
    secretariat: { 'zh-CN': '大会秘书处', en: 'secretariat' },
    clerk: { 'zh-CN': '报到员', en: 'check-in clerk' },
    counter: { 'zh-CN': '计票人', en: 'vote counter' },
    scrutineer: { 'zh-CN': '监票人', en: 'scrutineer' },
    chief_scrutineer: { 'zh-CN': '总监票人', en: 'chief scrutineer' },
  },
  type: {
    string: { 'zh-CN': '文本', en: 'text' },
    number: { 'zh-CN': '数字', en: 'a number' },
    int: { 'zh-CN': '整数', en: 'a whole number' },
    boolean: { 'zh-CN': '是或否', en: 'yes or no' },
    object: { 'zh-CN': '对象', en: 'an object' },
    array: { 'zh-CN': '列表', en: 'a list' },
    null: { 'zh-CN': '空值', en: 'empty' },
  },
  setup_action: {
    edit_settings: { 'zh-CN': '修改选举设置', en: 'change the contest’s settings' },
    add_candidate: { 'zh-CN': '增加候选人', en: 'add a candidate' },
    remove_candidate: { 'zh-CN': '删除候选人', en: 'remove a candidate' },
    import_candidates: { 'zh-CN': '导入候选人', en: 'import candidates' },
  },
  field: {
    badge: { 'zh-CN': '代表证号', en: 'badge number' },
    name: { 'zh-CN': '姓名', en: 'name' },
    gender: { 'zh-CN': '性别', en: 'gender' },
    ethnicity: { 'zh-CN': '民族', en: 'ethnicity' },
    birthDate: { 'zh-CN': '出生年月', en: 'birth month' },
    education: { 'zh-CN': '学历', en: 'education' },
    delegation: { 'zh-CN': '代表团', en: 'delegation' },
    unit: { 'zh-CN': '工作单位', en: 'workplace' },
    category: { 'zh-CN': '类别', en: 'category' },
  },
  file_ext: {
    '': { 'zh-CN': '无扩展名', en: 'no extension' },
  },
  birth_fault: {
    month_range: { 'zh-CN': '月份应为 1–12', en: 'the month must be 1–12' },
    no_such_day: { 'zh-CN': '该月没有这一日', en: 'that month has no such day' },
    invalid: { 'zh-CN': '日期无效', en: 'not a date' },
    empty: { 'zh-CN': '为空', en: 'empty' },
    month_missing: { 'zh-CN': '缺少月份,应写成如 1975.03', en: 'the month is missing: write it like 1975.03' },
    unrecognised: {
      'zh-CN': '无法识别,应写成如 1975.03、1975-03-12 或 1975年3月',
      en: 'not recognised: write it like 1975.03 or 1975-03-12',
    },
  },
  write_in_fate: {
    printed: { 'zh-CN': '与选票上印的候选人同名', en: 'the name is printed on the paper' },
    elected: { 'zh-CN': '已在本选举中当选', en: 'already elected in this contest' },
    tie_revote: { 'zh-CN': '再次投票只能选票数相等的被选举人', en: 'a tie revote chooses only among the tied' },
  },
} satisfies Record<string, Record<string, ReasonText>>;

export type ReasonKey = keyof typeof reasons;
export type ReasonParams = Record<string, string | number>;

export const isReason = (key: string): key is ReasonKey => Object.hasOwn(reasons, key);

/**
 * The reason's sentence in `language`, its placeholders filled; unknown placeholders stay visible.
 * `{name|group}` prints the word of `terms[group][value]` (a role, a type) instead of the code.
 */
export function reasonText(reason: string, params: ReasonParams | undefined, language: Language): string | null {
  if (!isReason(reason)) return null;
  const template = (reasons[reason] as ReasonText)[language];
  return template.replace(/\{(\w+)(?:\|(\w+))?\}/g, (whole, name: string, group: string | undefined) => {
    if (!params || !Object.hasOwn(params, name)) return whole;
    const value = String(params[name]);
    if (group === undefined) return value;
    const words = (terms as Record<string, Record<string, ReasonText>>)[group];
    return words && Object.hasOwn(words, value) ? words[value]![language] : value;
  });
}

/** The placeholders of a template, without their term group: `{role|role}` is `role`. */
export const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)(?:\|\w+)?\}/g)].map((m) => m[1]!).sort();
