/** The congress, its meetings (rule 14) and attendance at them (rules 1 and 16). */
import type { ReasonText } from './text.js';

export const meetingReasons = {
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
  'congress.none_open': { 'zh-CN': '尚未打开大会文件', en: 'No congress file is open' },
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
} satisfies Record<string, ReasonText>;
