/** Contests, candidates, pre-votes (rule 12) and officials (rule 13). */
import type { ReasonText } from './text.js';

export const contestReasons = {
  'candidates.order_missing': {
    'zh-CN': '顺序中缺少候选人:{names}',
    en: 'The order leaves out: {names}',
  },
  'candidates.row_already_candidate': {
    'zh-CN': '第 {row} 行:{name} 已是「{contest}」的候选人',
    en: 'Row {row}: {name} is already a candidate of “{contest}”',
  },
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
  'candidates.no_name_column': {
    'zh-CN':
      '前 {rows} 行中找不到「姓名」列:候选人名单的表头应包含「姓名」,可另有「性别」「出生年月」「民族」「学历」「工作单位」',
    en: 'No name column in the first {rows} rows: a candidate list has a name column, and may have gender, birth month, ethnicity, education and workplace',
  },
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
} satisfies Record<string, ReasonText>;
