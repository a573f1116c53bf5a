/** The oath of election discipline and the pledges. */
import type { ReasonText } from './text.js';

export const disciplineReasons = {
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
} satisfies Record<string, ReasonText>;
