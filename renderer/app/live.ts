import type { ChangeEvent } from '../../core/domain.js';
import { onChange } from '../api/index.js';
import { useDesk } from '../features/desk/store.js';
import { useDiscipline } from '../features/discipline/store.js';

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
      useDiscipline.getState().onChange(event);
      break;
    case 'roster':
      void refreshAttendance(undefined);
      useDiscipline.getState().onChange(event);
      break;
    case 'attendance':
      void refreshAttendance(event.meetingId);
      useDiscipline.getState().onChange(event);
      break;
    case 'contests':
      break;
    case 'ballots':
      break;
    case 'discipline':
      useDiscipline.getState().onChange(event);
      break;
    case 'audit':
      break;
  }
}

function refreshAttendance(meetingId: number | undefined): void {
  const desk = useDesk.getState();
  if (desk.meetingId !== null && (meetingId === undefined || meetingId === desk.meetingId)) void desk.refresh();
}
