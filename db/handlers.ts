/**
 * One handler per contract channel. Typed as `HandlerTable`, so a channel added to
 * core/contract.ts without a handler here does not compile.
 */

import * as attendance from './attendance/handlers.js';
import * as audit from './audit/handlers.js';
import * as backups from './backups/handlers.js';
import * as app from './congress/app.js';
import * as congress from './congress/handlers.js';
import * as candidates from './contests/candidates.js';
import * as contests from './contests/handlers.js';
import * as officials from './contests/officials.js';
import * as prevote from './contests/prevote.js';
import * as ballots from './count/ballots.js';
import * as rounds from './count/rounds.js';
import * as stacks from './count/stacks.js';
import * as discipline from './discipline/handlers.js';
import type { HandlerTable } from './handler-types.js';
import * as lan from './lan/handlers.js';
import * as meetings from './meetings/handlers.js';
import * as operators from './operators/handlers.js';
import * as district from './results/district-handlers.js';
import * as results from './results/handlers.js';
import * as delegates from './roster/delegates.js';
import * as roster from './roster/handlers.js';
import * as scan from './scan/handlers.js';

export const handlers: HandlerTable = {
  'app.info': app.info,
  'congress.create': congress.create,
  'congress.open': congress.open,
  'congress.openDemo': congress.openDemo,
  'congress.close': congress.close,
  'congress.get': congress.get,
  'congress.backup': congress.backup,
  'congress.updateSettings': congress.updateSettings,
  'meetings.list': meetings.list,
  'meetings.create': meetings.create,
  'meetings.setCurrent': meetings.setCurrent,
  'meetings.electorate': meetings.electorate,
  'meetings.approveResult': meetings.approveResult,
  'meetings.approvals': meetings.approvals,
  'delegates.list': delegates.list,
  'delegates.add': delegates.add,
  'delegates.update': delegates.update,
  'roster.preview': roster.preview,
  'roster.import': roster.importRoster,
  'attendance.summary': attendance.summary,
  'attendance.list': attendance.list,
  'attendance.checkInByBadge': attendance.checkInByBadge,
  'attendance.checkIn': attendance.checkIn,
  'attendance.undoLast': attendance.undoLast,
  'attendance.mark': attendance.mark,
  'attendance.exclude': attendance.exclude,
  'attendance.revokeExclusion': attendance.revokeExclusion,
  'attendance.exclusions': attendance.exclusions,
  'audit.list': audit.list,
  'audit.names': audit.names,
  'audit.export': audit.exportLog,
  'audit.verify': audit.verify,
  'contests.list': contests.list,
  'contests.get': contests.get,
  'contests.create': contests.create,
  'contests.update': contests.update,
  'contests.reduceSeats': contests.reduceSeats,
  'candidates.add': candidates.add,
  'candidates.remove': candidates.remove,
  'candidates.import': candidates.importCandidates,
  'candidates.approveOrder': candidates.approveOrder,
  'rounds.distribute': rounds.distribute,
  'rounds.collect': rounds.collect,
  'rounds.result': rounds.result,
  'rounds.close': rounds.close,
  'rounds.openAdditional': rounds.openAdditional,
  'rounds.declareVoid': rounds.declareVoid,
  'contests.createFromPrevote': prevote.createFromPrevote,
  'officials.list': officials.list,
  'officials.appoint': officials.appoint,
  'officials.remove': officials.remove,
  'ballots.list': ballots.list,
  'ballots.enter': ballots.enter,
  'ballots.correct': ballots.correct,
  'ballots.void': ballots.voidBallot,
  'ballots.decide': ballots.decide,
  'stacks.list': stacks.list,
  'stacks.compare': stacks.compare,
  'stacks.settle': stacks.settle,
  'discipline.texts': discipline.texts,
  'discipline.setText': discipline.setText,
  'oath.get': discipline.getOath,
  'oath.start': discipline.startOath,
  'oath.finish': discipline.finishOath,
  'oath.addLatecomer': discipline.addLatecomer,
  'pledges.summary': discipline.summary,
  'pledges.history': discipline.history,
  'pledges.sign': discipline.sign,
  'pledges.refuse': discipline.refuse,
  'pledges.withdraw': discipline.withdraw,
  'pledges.signatures': discipline.signatures,
  'keys.info': results.keysInfo,
  'result.status': results.status,
  'result.export': results.exportResult,
  'result.verify': district.verify,
  'result.district': district.district,
  'result.districtExport': district.districtExport,
  'district.keys.list': district.keysList,
  'district.keys.add': district.keysAdd,
  'district.keys.remove': district.keysRemove,
  'district.keys.import': district.keysImport,
  'keys.enrol': district.enrol,
  'operators.list': operators.list,
  'operators.add': operators.add,
  'operators.update': operators.update,
  'station.signIn': operators.signIn,
  'station.lock': operators.lock,
  'station.status': operators.status,
  'backups.status': backups.status,
  'backups.restore': backups.restore,
  'scan.pages': scan.pages,
  'scan.image': scan.image,
  'scan.inbox': scan.inbox,
  'scan.addFiles': scan.addFiles,
  'scan.addImage': scan.addImage,
  'lan.addresses': lan.addresses,
  'lan.venue': lan.venue,
  'lan.openVenue': lan.openVenue,
  'lan.closeVenue': lan.closeVenue,
  'lan.newCode': lan.newCode,
  'lan.revoke': lan.revoke,
  'lan.join': lan.join,
  'lan.link': lan.link,
  'lan.dismiss': lan.dismiss,
  'lan.leave': lan.leave,
  'lan.promote': lan.promote,
};
