import type { ReasonText } from './text.js';

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
