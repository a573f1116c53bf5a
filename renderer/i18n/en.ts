import { auditEn } from '../features/audit/messages.en.js';
import { backupsEn } from '../features/backups/messages.en.js';
import { badgesEn } from '../features/badges/messages.en.js';
import { contestsEn } from '../features/contests/messages.en.js';
import { countEn } from '../features/count/messages.en.js';
import { deskEn } from '../features/desk/messages.en.js';
import { disciplineEn } from '../features/discipline/messages.en.js';
import { lanEn } from '../features/lan/messages.en.js';
import { operatorsEn } from '../features/operators/messages.en.js';
import { papersEn } from '../features/papers/messages.en.js';
import { resultsEn } from '../features/results/messages.en.js';
import { rosterEn } from '../features/roster/messages.en.js';
import { scanEn } from '../features/scan/messages.en.js';
import { settingsEn } from '../features/settings/messages.en.js';
import { startEn } from '../features/start/messages.en.js';
import { verifyEn } from '../features/verify/messages.en.js';
import { commonEn } from './common.en.js';
import type { MessageKey } from './zh-CN.js';

/** English catalogue: each feature's English section; exactly the keys of the zh-CN one. */
export const en: Record<MessageKey, string> = {
  ...commonEn,
  ...auditEn,
  ...operatorsEn,
  ...startEn,
  ...rosterEn,
  ...countEn,
  ...deskEn,
  ...contestsEn,
  ...resultsEn,
  ...settingsEn,
  ...backupsEn,
  ...disciplineEn,
  ...verifyEn,
  ...scanEn,
  ...badgesEn,
  ...papersEn,
  ...lanEn,
};
