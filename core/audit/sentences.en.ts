import type { auditSentencesZhCN } from './sentences.zh-CN.js';

/** The audit log's sentences in English: exactly the keys and placeholders of the zh-CN catalogue. */
export const auditSentencesEn: typeof auditSentencesZhCN = {
  actions: {
    'congress.create': { label: 'Congress created', sentence: 'created the congress “{name}” ({date}, {venue})' },
    'congress.backup': { label: 'Backup', sentence: 'backed up the congress file to {path}' },
    'congress.backup.withdrawn': {
      label: 'Backup not written',
      sentence: 'could not write the backup to {path}; the record is withdrawn: {detail}',
    },
    'congress.updateSettings': { label: 'Settings changed', sentence: 'changed the congress settings: {settings}' },
    'meetings.create': { label: 'Meeting created', sentence: 'created the meeting “{meeting}” ({date})' },
    'meetings.setCurrent': { label: 'Current meeting set', sentence: 'made “{meeting}” the current meeting' },
    'meetings.approveResult': {
      label: 'Result approved',
      sentence: '“{meeting}” approved the result of “{approved}”',
    },
    'delegates.add': { label: 'Delegate added', sentence: 'added the delegate {delegate} (badge {badge})' },
    'delegates.update': { label: 'Delegate changed', sentence: 'changed the details of {delegate} (badge {badge})' },
    'roster.import': {
      label: 'Roster imported',
      sentence: 'imported the roster {fileName}: {added} added, {updated} updated, {unchanged} unchanged',
    },
    'attendance.checkInByBadge': { label: 'Check-in (badge)', sentence: 'checked in {delegate} ({meeting})' },
    'attendance.checkIn': { label: 'Check-in', sentence: 'checked in {delegate} ({meeting})' },
    'attendance.undoLast': { label: 'Check-in undone', sentence: 'undid the check-in of {delegate} ({meeting})' },
    'attendance.mark': { label: 'Attendance marked', sentence: 'marked {delegate} {status|status} ({meeting})' },
    'attendance.exclude': {
      label: 'Not counted as due',
      sentence: 'took {delegate} out of those due at “{meeting}” ({kind|exclusion})',
    },
    'attendance.revokeExclusion': {
      label: 'Counted as due again',
      sentence: 'counted {delegate} as due at “{meeting}” again',
    },
    'contests.create': { label: 'Contest created', sentence: 'created the contest “{contest}” ({seats} seats)' },
    'contests.update': { label: 'Contest changed', sentence: 'changed the contest “{contest}”' },
    'contests.reduceSeats': { label: 'Seats reduced', sentence: 'reduced the seats of “{contest}” to {seats}' },
    'contests.createFromPrevote': {
      label: 'Contest from pre-vote',
      sentence: 'created the contest “{contest}” ({seats} seats) from the pre-vote “{prevote}”',
    },
    'candidates.add': { label: 'Candidate added', sentence: 'added the candidate {candidate} to “{contest}”' },
    'candidates.remove': { label: 'Candidate removed', sentence: 'removed the candidate {candidate} from “{contest}”' },
    'candidates.import': {
      label: 'Candidates imported',
      sentence: 'imported candidates for “{contest}” from {fileName}',
    },
    'candidates.approveOrder': {
      label: 'Candidate order approved',
      sentence: 'approved the order of the {count} candidates of “{contest}”: {candidates}',
    },
    'officials.appoint': { label: 'Official appointed', sentence: 'appointed {official} {role|role} of “{contest}”' },
    'officials.remove': { label: 'Official removed', sentence: 'removed {official} from “{contest}”' },
    'rounds.distribute': {
      label: 'Ballots issued',
      sentence: 'issued {issued} ballots in {contest}, round {round} ({printed} printed, {spare} spare voided)',
    },
    'rounds.collect': {
      label: 'Ballots collected',
      sentence: 'collected {collected} ballots in {contest}, round {round}',
    },
    'rounds.close': { label: 'Round closed', sentence: 'closed round {round} ({contest})' },
    'rounds.openAdditional': {
      label: 'Further round',
      sentence: 'opened a further election for {seats} seats of “{contest}” (round {round})',
    },
    'rounds.declareVoid': { label: 'Round declared void', sentence: 'declared round {round} ({contest}) void' },
    'ballots.enter': {
      label: 'Ballot entered',
      sentence: 'entered ballot No. {seq} ({contest}, round {round}): {marks}',
    },
    'ballots.correct': {
      label: 'Ballot corrected',
      sentence: 'corrected ballot No. {seq} ({contest}, round {round}): {before} → {marks}',
    },
    'ballots.void': {
      label: 'Entry voided',
      sentence: 'voided the entry of ballot No. {seq} ({contest}, round {round})',
    },
    'ballots.decide': {
      label: 'Ballot decided',
      sentence: 'decided ballot No. {seq} ({contest}, round {round}) {verdict|verdict}',
    },
    'stacks.settle': {
      label: 'Double entry settled',
      sentence: 'settled stack {stack}, paper {position} ({contest}, round {round}): entry {keep} stands',
    },
    'discipline.setText': { label: 'Discipline text changed', sentence: 'changed the text of the {kind|discipline}' },
    'oath.start': { label: 'Oath started', sentence: 'started the oath at “{meeting}”, led by {leader}' },
    'oath.finish': { label: 'Oath finished', sentence: 'finished the oath at “{meeting}”, {participants} taking part' },
    'oath.addLatecomer': { label: 'Late oath', sentence: 'recorded the late oath of {delegate} ({meeting})' },
    'pledges.sign': { label: 'Pledge signed', sentence: 'recorded the pledge signed by {delegate}' },
    'pledges.refuse': { label: 'Pledge refused', sentence: 'recorded that {delegate} refused to sign the pledge' },
    'pledges.withdraw': { label: 'Pledge withdrawn', sentence: 'withdrew the pledge of {delegate}' },
    'result.export': {
      label: 'Result exported',
      sentence: 'exported the result file {path} (content hash {hash})',
    },
    'result.export.withdrawn': {
      label: 'Result file not written',
      sentence: 'could not write the result file {path}; the record is withdrawn: {detail}',
    },
    'audit.export': { label: 'Audit log exported', sentence: 'exported the audit log to {path} ({rows} rows)' },
    'audit.export.withdrawn': {
      label: 'Audit log not written',
      sentence: 'could not write the audit log {path}; the record is withdrawn: {detail}',
    },
    'operators.add': { label: 'Operator added', sentence: 'added the operator {name} ({role|role})' },
    'operators.update': { label: 'Operator changed', sentence: 'changed the operator {name}: {changes}' },
    'station.signIn': { label: 'Sign-in', sentence: 'signed in at the station {station}' },
    'station.signIn_failed': {
      label: 'Wrong PIN',
      sentence:
        'typed a wrong PIN signing in as {name} at the station {station} ({failures} in a row, {wait} s to wait)',
    },
    'chief.confirm_failed': {
      label: 'Chief’s PIN wrong',
      sentence: 'asked {name} to confirm “{channel}”: wrong PIN ({failures} in a row, {wait} s to wait)',
    },
    'chief.confirm_cleared': {
      label: 'Chief’s PIN right',
      sentence: '{name} confirmed “{channel}” with the right PIN; the wrong tries before are cleared',
    },
    'backups.restore': { label: 'Restored from backup', sentence: 'restored the congress file from the backup {from}' },
    'audit.anchor': {
      label: 'Chain anchored',
      sentence: 'the chain records this congress {uid} and this laptop’s key (fingerprint {fingerprint})',
    },
    'audit.key': {
      label: 'New key recorded',
      sentence: 'the chain records a new key of this laptop (fingerprint {fingerprint})',
    },
    'audit.checkpoint': {
      label: 'Signed checkpoint',
      sentence: 'signed a checkpoint of the chain up to row {followsId} with the key {fingerprint}',
    },
    'audit.baseline': {
      label: 'Upgrade baseline',
      sentence: 'upgraded the file from schema {from} to {to}, recording every table as found as the baseline',
    },
  },
  parts: {
    reason: '. Reason: {reason}',
    note: '. Note: {note}',
    writeIns: '; written in: {names}',
    setAside: '; set aside for a decision',
    entry: ' (entry {entry})',
    unknown: 'made {action}',
  },
  actor: { withRole: '{role|role} {name}', system: 'The system' },
  missing: '#{id}',
  list: ', ',
  words: {
    kind: {
      attendance: 'Check-in and discipline',
      ballots: 'Ballots',
      rounds: 'Rounds',
      contests: 'Contests and candidates',
      roster: 'Roster',
      operators: 'Operators and sign-in',
      files: 'Files and exports',
      congress: 'Congress and meetings',
      chain: 'Audit chain',
    },
    status: { present: 'present', leave: 'on leave', absent: 'absent' },
    exclusion: { suspended: 'rights suspended', deceased: 'deceased', transferred: 'transferred' },
    verdict: { as_entered: 'counted as entered', invalid: 'invalid' },
    discipline: { oath: 'oath', pledge: 'pledge' },
    setting: {
      quorumAllowEqual: 'exactly four fifths present is a quorum',
      marking: 'marking symbols',
      tieRevoteNeedsMajority: 'a tie’s revote needs a majority',
      pledgeAtDesk: 'pledge signed at the desk',
      idleMinutes: 'minutes before the station locks',
      backupDir: 'backup folder',
    },
    operator: { role: 'role now {role|role}', pin: 'PIN reset', disabled: 'disabled', enabled: 'enabled' },
  },
  columns: {
    id: 'No.',
    at: 'Time',
    operator: 'Operator',
    role: 'Role',
    station: 'Station',
    kind: 'Kind',
    action: 'Action',
    sentence: 'Record',
    hash: 'Hash',
  },
  sheet: 'Audit log',
  marks: { circle: '○', cross: '×', none: '□' },
};
