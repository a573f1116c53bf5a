import type { ChangeEvent } from '../../core/domain.js';
import { onChange } from '../api/index.js';
import { useAudit } from '../features/audit/store.js';
import { useContests } from '../features/contests/store.js';
import { useCount } from '../features/count/store.js';
import { useTally } from '../features/count/tally-store.js';
import { useDesk } from '../features/desk/store.js';
import { useDiscipline } from '../features/discipline/store.js';
import { useStation } from '../features/operators/station-store.js';
import { useOperators } from '../features/operators/store.js';
import { useForms } from '../features/results/forms-store.js';
import { useReport } from '../features/results/report-store.js';
import { useResults } from '../features/results/store.js';
import { useRoster } from '../features/roster/store.js';
import { useCongress } from './congress.js';

/**
 * Change events from any window (IPC or server-sent events) re-fetch what they touch.
 * No polling: a check-in at another desk shows here within a moment.
 */
export function startLiveUpdates(): () => void {
  return onChange(applyChange);
}

const TOPICS: ChangeEvent['topic'][] = [
  'congress',
  'meetings',
  'roster',
  'attendance',
  'contests',
  'ballots',
  'discipline',
  'operators',
  'audit',
];

/**
 * Reads again everything shown, as if every kind of change had happened: after a restore the
 * open congress is another version of itself.
 */
export function refreshEverything(): void {
  for (const topic of TOPICS) applyChange({ topic });
}

function applyChange(event: ChangeEvent): void {
  switch (event.topic) {
    case 'congress':
      void useCongress.getState().refresh();
      // The idle minutes, or a restored congress with other operators.
      void useStation.getState().refresh();
      useDiscipline.getState().onChange(event);
      break;
    case 'operators':
      void useStation.getState().refresh();
      if (useOperators.getState().loaded) void useOperators.getState().refresh();
      break;
    case 'meetings':
      void useCongress.getState().refresh();
      break;
    case 'roster':
      if (useRoster.getState().loaded) void useRoster.getState().refresh();
      void refreshAttendance(undefined);
      useDiscipline.getState().onChange(event);
      break;
    case 'attendance':
      void refreshAttendance(event.meetingId);
      useContests.getState().onAttendanceChanged(event.meetingId);
      useDiscipline.getState().onChange(event);
      break;
    case 'contests':
      useContests.getState().onContestsChanged(event.contestId);
      useCount.getState().onContestsChanged(event.contestId);
      useTally.getState().onContestsChanged(event.contestId);
      break;
    case 'ballots':
      useContests.getState().onBallotsChanged(event.contestId, event.roundId);
      useCount.getState().onBallotsChanged(event.roundId);
      useTally.getState().onBallotsChanged(event.contestId, event.roundId);
      break;
    case 'discipline':
      useDiscipline.getState().onChange(event);
      break;
    case 'audit':
      break;
  }
  // The paper forms and the result's hash follow whatever they show.
  useForms.getState().onChange(event);
  useResults.getState().onChange(event);
  // Every write appends an audit row; the log follows when its first page is shown.
  const audit = useAudit.getState();
  if (audit.cursors.length === 1 && audit.entries.length > 0) void audit.refresh();
}

function refreshAttendance(meetingId: number | undefined): void {
  const desk = useDesk.getState();
  if (desk.meetingId !== null && (meetingId === undefined || meetingId === desk.meetingId)) void desk.refresh();
  const report = useReport.getState();
  if (report.meetingId !== null && (meetingId === undefined || meetingId === report.meetingId)) void report.refresh();
}
