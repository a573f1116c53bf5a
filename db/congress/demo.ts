/**
 * The demo congress shipped with the app: 中国共产党青山镇第十五次代表大会, a township with
 * seven delegations, about 120 delegates, a few 列席 and 候补代表, and two meetings, so
 * that a newcomer can try the check-in desk at once. Deterministic (seeded PRNG): the
 * same seed and size always give the same roster, which tests and the bench rely on.
 */

import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Channel, Output } from '../../core/contract.js';
import type { DelegateCategory, DelegateFields, Gender } from '../../core/domain.js';
import { ok, type Result } from '../../core/result.js';
import { canonicalJson } from '../canonical-json.js';
import { commitWrite } from '../commit.js';
import type { In, QueryCall, UpdateHandler } from '../handler-types.js';
import { handlers } from '../handlers.js';
import { NO_LAN } from '../lan/runtime.js';
import type { OpenOptions } from '../open.js';
import { Stations } from '../operators/stations.js';
import type { InstallationKey } from '../results/installation-key.js';
import { applyRoster } from '../roster/apply.js';
import { commitUpdate } from '../run-handler.js';
import { type OpenCongress, Session } from '../session.js';
import { initCongress } from './handlers.js';

export const DEMO_CONGRESS = {
  name: '中国共产党青山镇第十五次代表大会',
  date: '2026-03-20',
  venue: '青山镇人民政府大礼堂',
} as const;

export const DEMO_MEETINGS = ['预备会议', '第一次全体会议（选举大会）'] as const;

export const DEMO_SEED = 15;

/** mulberry32: small, fast and good enough to make a roster look varied. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
function weighted<T>(rand: Rand, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

// Common surnames, roughly by frequency; 单 (shàn) and 曾 (zēng) read differently as surnames.
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '蒋',
  '蔡',
  '余',
  '杜',
  '叶',
  '程',
  '苏',
  '魏',
  '吕',
  '丁',
  '任',
  '沈',
  '姚',
  '卢',
  '姜',
  '崔',
  '钟',
  '谭',
  '陆',
  '汪',
  '范',
  '石',
  '廖',
  '贾',
  '夏',
  '韦',
  '方',
  '白',
  '邹',
  '孟',
  '熊',
  '秦',
  '邱',
  '江',
  '尹',
  '薛',
  '段',
  '雷',
  '侯',
  '龙',
  '史',
  '陶',
  '黎',
  '贺',
  '顾',
  '毛',
  '郝',
  '龚',
  '邵',
  '万',
  '覃',
  '武',
  '戴',
  '向',
  '汤',
  '单',
] as const;

const MALE_GIVEN = [
  '伟',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '刚',
  '平',
  '辉',
  '鹏',
  '华',
  '飞',
  '斌',
  '宇',
  '浩',
  '凯',
  '健',
  '俊',
  '帆',
  '旭',
  '宁',
  '龙',
  '林',
  '波',
  '峰',
  '春',
  '国',
  '建',
  '志',
  '文',
  '德',
  '福',
  '松',
  '胜',
  '山',
  '顺',
  '兵',
  '东',
  '海',
  '亮',
  '成',
  '红',
  '光',
  '荣',
  '新',
  '生',
] as const;

const FEMALE_GIVEN = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '霞',
  '秀',
  '玲',
  '桂',
  '英',
  '红',
  '梅',
  '琳',
  '燕',
  '萍',
  '雪',
  '婷',
  '慧',
  '倩',
  '颖',
  '洁',
  '兰',
  '琴',
  '云',
  '莉',
  '素',
  '淑',
  '爽',
  '珍',
  '凤',
  '春',
  '晓',
  '丹',
] as const;

interface DelegationProfile {
  name: string;
  weight: number;
  units: readonly string[];
  posts: readonly string[];
}

const DELEGATIONS: readonly DelegationProfile[] = [
  {
    name: '机关代表团',
    weight: 16,
    units: ['青山镇党委', '青山镇人民政府', '青山镇纪委', '镇党政办公室', '镇经济发展办公室', '镇财政所', '镇综治中心'],
    posts: ['书记', '副书记', '委员', '副镇长', '主任', '副主任', '所长', '干部'],
  },
  {
    name: '农村第一代表团',
    weight: 20,
    units: ['东岗村', '西河村', '石桥村', '柳树湾村', '枫林村', '马家岭村'],
    posts: ['党支部书记', '村委会主任', '村务监督委员会主任', '党员', '种植大户', '合作社理事长'],
  },
  {
    name: '农村第二代表团',
    weight: 20,
    units: ['南山村', '龙潭村', '白沙村', '黄泥塘村', '杨家坪村', '青龙村'],
    posts: ['党支部书记', '村委会主任', '村务监督委员会主任', '党员', '养殖大户', '返乡创业青年'],
  },
  {
    name: '企业代表团',
    weight: 12,
    units: ['青山水泥有限公司', '宏达农产品加工厂', '绿源茶业专业合作社', '青山镇供销社', '青山物流有限公司'],
    posts: ['党支部书记', '总经理', '车间主任', '技术员', '工会主席', '职工'],
  },
  {
    name: '社区代表团',
    weight: 10,
    units: ['青山社区', '新街社区', '河滨社区'],
    posts: ['党委书记', '居委会主任', '网格员', '退休党员', '志愿服务队队长'],
  },
  {
    name: '教育卫生代表团',
    weight: 10,
    units: ['青山镇中心学校', '青山中学', '青山镇卫生院', '青山幼儿园'],
    posts: ['校长', '教师', '院长', '医生', '护士长', '党支部书记'],
  },
  {
    name: '非公和社会组织代表团',
    weight: 8,
    units: ['青山商会', '青山镇个体劳动者协会', '青山农机服务队', '青山乡村旅游协会'],
    posts: ['会长', '党支部书记', '负责人', '秘书长'],
  },
];

const ETHNICITIES = [
  ['汉族', 90],
  ['回族', 4],
  ['土家族', 4],
  ['满族', 2],
] as const;

const EDUCATION = [
  ['研究生', 5],
  ['大学', 35],
  ['大专', 30],
  ['中专', 12],
  ['高中及以下', 18],
] as const;

/** 列席: people who attend without a vote (district officials, town leaders not elected as delegates). */
const NONVOTING_UNITS = [
  '区委组织部干部',
  '区纪委监委派驻干部',
  '镇人大主席团主席',
  '镇老干部代表',
  '镇退休干部',
  '区委宣传部干部',
];

/**
 * Names the desk is tried with: `zs` should find several people (张帅, 赵爽, 周胜利…),
 * as it does in a real township, and 单/曾 test the surname readings.
 */
const PLANTED_NAMES: readonly [string, Gender][] = [
  ['张帅', 'male'],
  ['赵爽', 'female'],
  ['周胜利', 'male'],
  ['郑淑芬', 'female'],
  ['曾顺', 'male'],
  ['单丽华', 'female'],
  ['张松林', 'male'],
];

export interface DemoRosterOptions {
  /** Total rows: voting, alternates (~3%) and non-voting (~5%). */
  size?: number;
  seed?: number;
}

/** A deterministic roster of `size` delegates with realistic Chinese names and figures. */
export function generateDemoRoster(options: DemoRosterOptions = {}): DelegateFields[] {
  const size = options.size ?? 120;
  const rand = prng(options.seed ?? DEMO_SEED);
  const alternates = Math.max(size >= 20 ? 1 : 0, Math.round(size * 0.033));
  const nonvoting = Math.max(size >= 20 ? 1 : 0, Math.round(size * 0.05));
  const voting = size - alternates - nonvoting;
  const badgeWidth = Math.max(3, String(size).length);
  const usedNames = new Set<string>();
  // Spread the planted names over the roster rather than bunching them at the front.
  const plantedAt = new Map(PLANTED_NAMES.map((n, i) => [Math.floor(((i + 0.5) * voting) / PLANTED_NAMES.length), n]));

  const nameFor = (gender: Gender): string => {
    for (;;) {
      const given = gender === 'female' ? FEMALE_GIVEN : MALE_GIVEN;
      const name = pick(rand, SURNAMES) + pick(rand, given) + (rand() < 0.6 ? pick(rand, given) : '');
      if (!usedNames.has(name) && !PLANTED_NAMES.some(([p]) => p === name)) return name;
    }
  };

  const rows: DelegateFields[] = [];
  for (let i = 0; i < size; i++) {
    const category: DelegateCategory = i < voting ? 'voting' : i < voting + alternates ? 'alternate' : 'nonvoting';
    const planted = category === 'voting' && size >= PLANTED_NAMES.length * 4 ? plantedAt.get(i) : undefined;
    const gender: Gender = planted?.[1] ?? (rand() < 0.3 ? 'female' : 'male');
    const name = planted?.[0] ?? nameFor(gender);
    usedNames.add(name);
    const year = 1962 + Math.floor(rand() * 39);
    const month = 1 + Math.floor(rand() * 12);
    const delegation =
      category === 'nonvoting'
        ? null
        : weighted(
            rand,
            DELEGATIONS.map((d) => [d, d.weight] as const),
          );
    rows.push({
      badge: String(i + 1).padStart(badgeWidth, '0'),
      name,
      gender,
      ethnicity: weighted(rand, ETHNICITIES),
      birthDate: `${year}-${String(month).padStart(2, '0')}`,
      education: weighted(rand, EDUCATION),
      delegation: delegation?.name ?? null,
      unit: delegation ? pick(rand, delegation.units) + pick(rand, delegation.posts) : pick(rand, NONVOTING_UNITS),
      category,
    });
  }
  return rows;
}

/**
 * The call the demo builders write with: the handlers themselves, outside the dispatcher. It
 * signs nothing (no installation key is made for a demo) and no station is signed in.
 */
export function builderCall(who: Pick<QueryCall, 'operator' | 'station' | 'now'>, open: OpenCongress): QueryCall {
  const keys = { load: () => Promise.reject(new Error('the demo builder signs nothing')) };
  return {
    ...who,
    db: open.db,
    path: open.path,
    caches: open.caches,
    keys,
    stations: new Stations(),
    lan: NO_LAN,
    token: undefined,
  };
}

/**
 * One write of a builder through its handler, as the dispatcher runs it (db/run-handler.ts):
 * one transaction, its audit row as the handler declares it. The builder's congress is made to
 * be unusual now and then (a write-in); nobody is there to acknowledge a warning.
 */
export function builderWrite<C extends Channel>(
  call: QueryCall,
  channel: C,
  input: In<C>,
  prepared?: unknown,
): Result<Output<C>> {
  const handler = handlers[channel] as unknown as UpdateHandler<Channel, unknown, unknown>;
  return commitUpdate(handler, channel, input, call, prepared, 'all', () => undefined).result as Result<Output<C>>;
}

export interface DemoCongressOptions extends DemoRosterOptions, OpenOptions {
  operator?: string;
  station?: string;
  now?: Date;
  /** The installation key that signs the checkpoint of each round the counted demo closes. */
  key?: InstallationKey;
}

/**
 * Writes a complete demo congress file at `filePath` and closes it. Goes through the
 * same writes as a user would: the congress, a roster import, two meetings, the second
 * made current, each with its audit row.
 */
export function createDemoCongress(filePath: string, options: DemoCongressOptions = {}): Result<{ delegates: number }> {
  const operator = options.operator || '演示数据';
  const station = options.station ?? '';
  const now = (options.now ?? new Date()).toISOString();
  const session = new Session(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {});
  const fields = { ...DEMO_CONGRESS, path: path.resolve(filePath) };
  const created = session.createFile(filePath, (db) =>
    initCongress(db, fields, { at: now, operator, station, action: 'congress.create', payload: fields }, options.key),
  );
  if (!created.ok) return created;
  try {
    const call = builderCall({ operator, station, now }, created.value);
    const rows = generateDemoRoster(options);
    const imported = commitWrite(
      call,
      'roster.import',
      (c) => ok(applyRoster(c.db, rows)),
      (diff) => ({
        fileName: '青山镇党代会代表名册(演示)',
        sha256: createHash('sha256').update(canonicalJson(rows)).digest('hex'),
        added: diff.added.length,
        updated: diff.updated.length,
        unchanged: diff.unchanged,
      }),
    );
    if (!imported.ok) return imported;
    let lastMeetingId = 0;
    for (const name of DEMO_MEETINGS) {
      const input = { name, date: DEMO_CONGRESS.date };
      const meeting = builderWrite(call, 'meetings.create', input as In<'meetings.create'>);
      if (!meeting.ok) return meeting;
      lastMeetingId = meeting.value.id;
    }
    const current = { meetingId: lastMeetingId };
    const set = builderWrite(call, 'meetings.setCurrent', current);
    if (!set.ok) return set;
    return ok({ delegates: rows.length });
  } finally {
    session.close();
  }
}
