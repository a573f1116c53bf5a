/**
 * The default UI catalogue (zh-CN): every text a person reads, assembled from each feature's own
 * section (`renderer/features/<feature>/messages.zh-CN.ts`) and the shared one (`common.zh-CN.ts`).
 * Each section's English twin must have exactly its keys (the types check both ways), and no key
 * may stand in two sections (the test in `catalogue.test.ts` checks it).
 */

import { auditZhCN } from '../features/audit/messages.zh-CN.js';
import { backupsZhCN } from '../features/backups/messages.zh-CN.js';
import { badgesZhCN } from '../features/badges/messages.zh-CN.js';
import { contestsZhCN } from '../features/contests/messages.zh-CN.js';
import { countZhCN } from '../features/count/messages.zh-CN.js';
import { deskZhCN } from '../features/desk/messages.zh-CN.js';
import { disciplineZhCN } from '../features/discipline/messages.zh-CN.js';
import { lanZhCN } from '../features/lan/messages.zh-CN.js';
import { operatorsZhCN } from '../features/operators/messages.zh-CN.js';
import { papersZhCN } from '../features/papers/messages.zh-CN.js';
import { resultsZhCN } from '../features/results/messages.zh-CN.js';
import { rosterZhCN } from '../features/roster/messages.zh-CN.js';
import { scanZhCN } from '../features/scan/messages.zh-CN.js';
import { settingsZhCN } from '../features/settings/messages.zh-CN.js';
import { startZhCN } from '../features/start/messages.zh-CN.js';
import { verifyZhCN } from '../features/verify/messages.zh-CN.js';
import { commonZhCN } from './common.zh-CN.js';

export const zhCN = {
  ...commonZhCN,
  ...auditZhCN,
  ...operatorsZhCN,
  ...startZhCN,
  ...rosterZhCN,
  ...countZhCN,
  ...deskZhCN,
  ...contestsZhCN,
  ...resultsZhCN,
  ...settingsZhCN,
  ...backupsZhCN,
  ...disciplineZhCN,
  ...verifyZhCN,
  ...scanZhCN,
  ...badgesZhCN,
  ...papersZhCN,
  ...lanZhCN,
};

export type MessageKey = keyof typeof zhCN;

/** Each section on its own, to check that no key is defined twice. */
export const zhCNSections = {
  common: commonZhCN,
  audit: auditZhCN,
  operators: operatorsZhCN,
  start: startZhCN,
  roster: rosterZhCN,
  count: countZhCN,
  desk: deskZhCN,
  contests: contestsZhCN,
  results: resultsZhCN,
  settings: settingsZhCN,
  backups: backupsZhCN,
  discipline: disciplineZhCN,
  verify: verifyZhCN,
  scan: scanZhCN,
  badges: badgesZhCN,
  papers: papersZhCN,
  lan: lanZhCN,
};
