/** Rounds, ballots and stacks, the count rules, and the warnings of the count: allowed but unusual, acknowledged and audited. */
import type { ReasonText } from './text.js';

export const countReasons = {
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
  'round.delegate_already_candidate': {
    'zh-CN': '{name} 已是「{contest}」的候选人',
    en: '{name} is already a candidate of “{contest}”',
  },
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
  'count.marking_locked': {
    'zh-CN': '「{contest}」已录入 {ballots} 张选票,划票规则不能再修改',
    en: '{ballots} ballot(s) of “{contest}” are entered: its marking convention can no longer change',
  },
  'count.marking_group_differs': {
    'zh-CN': '「{contest}」与同组(「{group}」)的「{other}」划票规则不同:同一组选票须用同一种划票规则',
    en: '“{contest}” and “{other}” share paper group “{group}” but not their marking convention: one group, one convention',
  },
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
