/**
 * The audit log's rows as sentences, zh-CN (issue 15 item 2: 「计票人 钱计票 录入第 37 张选票
 * (党委委员 第 1 轮):○○○○○○○××」): per action a short label (the 操作 column, the filters) and
 * a sentence said after the operator. Placeholders are data (names, numbers, symbols); a
 * `{x|group}` placeholder prints the word of `words[group]` for its code. Its English twin
 * (sentences.en.ts) has exactly these keys and placeholders (tests/core/audit-sentences.test.ts).
 */
export const auditSentencesZhCN = {
  actions: {
    'congress.create': { label: '创建大会', sentence: '创建大会「{name}」({date},{venue})' },
    'congress.backup': { label: '备份大会文件', sentence: '将大会文件备份至 {path}' },
    'congress.backup.withdrawn': { label: '备份未写成', sentence: '备份至 {path} 未能写成,记录撤回:{detail}' },
    'congress.updateSettings': { label: '修改大会设置', sentence: '修改大会设置:{settings}' },
    'meetings.create': { label: '新建会议', sentence: '新建会议「{meeting}」({date})' },
    'meetings.setCurrent': { label: '设定当前会议', sentence: '将当前会议设为「{meeting}」' },
    'meetings.approveResult': { label: '通过选举结果', sentence: '「{meeting}」通过「{approved}」的选举结果' },
    'delegates.add': { label: '新增代表', sentence: '新增代表 {delegate}(编号 {badge})' },
    'delegates.update': { label: '修改代表信息', sentence: '修改代表 {delegate}(编号 {badge})的信息' },
    'roster.import': {
      label: '导入代表名单',
      sentence: '导入代表名单 {fileName}:新增 {added} 人,更新 {updated} 人,未变 {unchanged} 人',
    },
    'attendance.checkInByBadge': { label: '报到(代表证)', sentence: '为 {delegate} 办理报到({meeting})' },
    'attendance.checkIn': { label: '报到', sentence: '为 {delegate} 办理报到({meeting})' },
    'attendance.undoLast': { label: '撤销报到', sentence: '撤销 {delegate} 的报到({meeting})' },
    'attendance.mark': { label: '登记出席情况', sentence: '将 {delegate} 登记为{status|status}({meeting})' },
    'attendance.exclude': {
      label: '不计入应到',
      sentence: '将 {delegate} 不计入「{meeting}」应到人数({kind|exclusion})',
    },
    'attendance.revokeExclusion': {
      label: '恢复计入应到',
      sentence: '将 {delegate} 恢复计入「{meeting}」应到人数',
    },
    'contests.create': { label: '新建选举', sentence: '新建选举「{contest}」(应选 {seats} 名)' },
    'contests.update': { label: '修改选举', sentence: '修改选举「{contest}」' },
    'contests.reduceSeats': { label: '减少应选名额', sentence: '将「{contest}」的应选名额减为 {seats} 名' },
    'contests.createFromPrevote': {
      label: '由预选产生选举',
      sentence: '由预选「{prevote}」产生选举「{contest}」(应选 {seats} 名)',
    },
    'candidates.add': { label: '增加候选人', sentence: '为「{contest}」增加候选人 {candidate}' },
    'candidates.remove': { label: '删除候选人', sentence: '从「{contest}」删除候选人 {candidate}' },
    'candidates.import': { label: '导入候选人', sentence: '为「{contest}」导入候选人名单 {fileName}' },
    'candidates.approveOrder': {
      label: '确定候选人顺序',
      sentence: '确定「{contest}」候选人的排列顺序({count} 人):{candidates}',
    },
    'officials.appoint': { label: '任命工作人员', sentence: '任命 {official} 为「{contest}」的{role|role}' },
    'officials.remove': { label: '免去工作人员', sentence: '免去 {official} 在「{contest}」的职务' },
    'rounds.distribute': {
      label: '发出选票',
      sentence: '{contest} 第 {round} 轮发出选票 {issued} 张(印制 {printed} 张,作废空白票 {spare} 张)',
    },
    'rounds.collect': { label: '收回选票', sentence: '{contest} 第 {round} 轮收回选票 {collected} 张' },
    'rounds.close': { label: '关闭轮次', sentence: '关闭第 {round} 轮({contest})' },
    'rounds.openAdditional': { label: '另行选举', sentence: '为「{contest}」另行选举 {seats} 名(第 {round} 轮)' },
    'rounds.declareVoid': { label: '宣布轮次无效', sentence: '宣布第 {round} 轮({contest})无效' },
    'ballots.enter': { label: '录入选票', sentence: '录入第 {seq} 张选票({contest} 第 {round} 轮):{marks}' },
    'ballots.correct': {
      label: '更正选票',
      sentence: '更正第 {seq} 张选票({contest} 第 {round} 轮):{before} → {marks}',
    },
    'ballots.void': { label: '作废录入', sentence: '作废第 {seq} 张选票的录入({contest} 第 {round} 轮)' },
    'ballots.decide': {
      label: '裁定选票',
      sentence: '裁定第 {seq} 张选票({contest} 第 {round} 轮){verdict|verdict}',
    },
    'stacks.settle': {
      label: '核定双录差异',
      sentence: '核定第 {stack} 叠第 {position} 张({contest} 第 {round} 轮):以第 {keep} 遍录入为准',
    },
    'discipline.setText': { label: '修改纪律文本', sentence: '修改{kind|discipline}文本' },
    'oath.start': { label: '开始宣誓', sentence: '「{meeting}」开始集体宣誓,领誓人 {leader}' },
    'oath.finish': { label: '宣誓结束', sentence: '「{meeting}」集体宣誓结束,{participants} 人参加' },
    'oath.addLatecomer': { label: '补充宣誓', sentence: '{delegate} 补充宣誓({meeting})' },
    'pledges.sign': { label: '签署承诺书', sentence: '{delegate} 签署承诺书' },
    'pledges.refuse': { label: '拒签承诺书', sentence: '{delegate} 拒绝签署承诺书' },
    'pledges.withdraw': { label: '撤回承诺书', sentence: '撤回 {delegate} 的承诺书' },
    'result.export': { label: '导出选举结果', sentence: '导出选举结果文件 {path}(内容哈希 {hash})' },
    'result.export.withdrawn': {
      label: '结果文件未写成',
      sentence: '选举结果文件 {path} 未能写成,记录撤回:{detail}',
    },
    'audit.export': { label: '导出审计日志', sentence: '导出审计日志 {path}({rows} 条记录)' },
    'audit.export.withdrawn': { label: '审计日志未写成', sentence: '审计日志 {path} 未能写成,记录撤回:{detail}' },
    'operators.add': { label: '新增操作员', sentence: '新增操作员 {name}({role|role})' },
    'operators.update': { label: '修改操作员', sentence: '修改操作员 {name}:{changes}' },
    'station.signIn': { label: '登录', sentence: '在工作站 {station} 登录' },
    'station.signIn_failed': {
      label: 'PIN 错误',
      sentence: '登录工作站 {station} 时 PIN 错误(连续第 {failures} 次)',
    },
    'chief.confirm_failed': {
      label: '总监票人 PIN 错误',
      sentence: '请 {name} 确认「{channel}」时 PIN 错误(连续第 {failures} 次)',
    },
    'chief.confirm_cleared': {
      label: '总监票人 PIN 正确',
      sentence: '{name} 确认「{channel}」PIN 正确,此前的错误次数清零',
    },
    'backups.restore': { label: '从备份恢复', sentence: '从备份 {from} 恢复大会文件' },
    'scan.addFiles': {
      label: '接收扫描选票',
      sentence: '为 {contest} 第 {round} 轮接收扫描页 {count} 页({pages})',
    },
    'scan.addImage': {
      label: '接收扫描选票',
      sentence: '为 {contest} 第 {round} 轮接收扫描页 {count} 页({pages})',
    },
    'audit.anchor': { label: '审计链锚定', sentence: '审计链记下本大会标识 {uid} 与本机密钥(指纹 {fingerprint})' },
    'audit.key': { label: '记录新密钥', sentence: '审计链记下新的本机密钥(指纹 {fingerprint})' },
    'audit.checkpoint': {
      label: '签名检查点',
      sentence: '以本机密钥(指纹 {fingerprint})签署审计检查点,截至第 {followsId} 条记录',
    },
    'audit.baseline': {
      label: '升级基线',
      sentence: '大会文件由第 {from} 版升级至第 {to} 版,记下当时全部数据作为核验基线',
    },
  },
  /** Said after the sentence when the row carries them. */
  parts: {
    reason: '。理由:{reason}',
    note: '。说明:{note}',
    writeIns: ';另选他人:{names}',
    setAside: ';留待裁定',
    scanned: ';据扫描第 {page} 页({name})确认',
    skipped: ';未接收 {skipped} 页',
    entry: '(第 {entry} 遍录入)',
    wait: ',须等待 {wait} 秒后再试',
    unknown: '执行 {action}',
  },
  /** Who made the row. */
  actor: { withRole: '{role|role} {name}', system: '系统' },
  /** A name the log names by id but this file no longer holds. */
  missing: '#{id}',
  list: '、',
  words: {
    kind: {
      attendance: '报到与纪律',
      ballots: '选票',
      rounds: '轮次',
      contests: '选举与候选人',
      roster: '代表名单',
      operators: '操作员与登录',
      files: '文件与导出',
      congress: '大会与会议',
      chain: '审计链',
    },
    status: { present: '已到', leave: '请假', absent: '缺席' },
    exclusion: { suspended: '停止党员权利', deceased: '去世', transferred: '调离' },
    verdict: { as_entered: '按所录计入', invalid: '为无效票' },
    discipline: { oath: '宣誓词', pledge: '承诺书' },
    setting: {
      quorumAllowEqual: '实到人数恰为应到五分之四也视为符合',
      marking: '划票符号',
      tieRevoteNeedsMajority: '票数相等再投票须过半数',
      pledgeAtDesk: '报到时签署承诺书',
      idleMinutes: '闲置锁屏分钟数',
      backupDir: '备份文件夹',
    },
    operator: { role: '角色改为{role|role}', pin: '重设 PIN', disabled: '停用', enabled: '启用' },
  },
  columns: {
    id: '序号',
    at: '时间',
    operator: '操作员',
    role: '角色',
    station: '工作站',
    kind: '类别',
    action: '操作',
    sentence: '记录',
    hash: '哈希',
  },
  sheet: '审计日志',
  marks: { circle: '○', cross: '×', none: '□' },
};
