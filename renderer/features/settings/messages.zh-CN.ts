/** The settings feature's texts, zh-CN (the default). Its English twin has exactly these keys. */
export const settingsZhCN = {
  'settings.title': '设置',
  'settings.file': '大会文件',
  'settings.congress': '大会',
  'settings.quorum.title': '法定人数',
  'settings.quorum.allowEqual': '实到人数恰好等于应到人数的五分之四时也视为符合',
  'settings.quorum.help':
    '《中国共产党基层组织选举工作条例》要求有选举权的到会人数"超过"应到会人数的五分之四,默认按"超过"判断;仅当本次大会选举办法另有规定时才勾选。',
  'settings.saved': '设置已保存。',
  'settings.idle.label': '无操作自动锁定',
  'settings.idle.unit': '分钟',
  'settings.idle.help': '已登录的工作站在这么多分钟内没有键盘或鼠标操作时自动锁定,须重新输入 PIN(1–240 分钟)。',
  'settings.marking.title': '划票方式',
  'settings.marking.help':
    '按本次大会选举办法设置选票上各种符号的含义。默认:○ 赞成,× 不赞成,不划符号弃权。这是新建选举的默认划票方式;每项选举(每组选票)保存自己的划票方式,录入第一张选票后不能再改。',
  'settings.marking.circle': '划 ○',
  'settings.marking.cross': '划 ×',
  'settings.marking.none': '不划符号',
  'settings.marking.writeInNeedsMark': '另选他人须在姓名旁划赞成符号才计票',
  'settings.marking.writeInNeedsAgainst': '另选他人须对候选人划不赞成(每划一个 × 可另选一人)',
  'settings.tieRevote.title': '票数相等时再次投票',
  'settings.tieRevote.needsMajority': '再次投票仍须得票超过实到会有选举权人数的一半才能当选',
  'settings.tieRevote.help':
    '按《条例》「就票数相等的被选举人再次投票,得票多的当选」:票数相等者在前一轮已过半数,再次投票按得票多少确定当选,再次相等则再投票。只有本次大会选举办法另有规定时才勾选。',
  'settings.discipline.title': '纪律承诺',
  'settings.discipline.pledgeAtDesk': '报到后即请代表签署承诺书',
  'settings.discipline.pledgeAtDesk.help':
    '开启后,正式代表和候补代表在报到处报到成功时,屏幕上随即打开承诺书供本人签名;报到员可点"稍后",不影响报到。',
} satisfies Record<string, string>;
