/**
 * What the feature stores keep of the open congress (client state, not server data) goes when
 * the frame forgets it: each store registered its own reset beside it (app/forget.ts).
 */
import { describe, expect, it } from 'vitest';
import { useDesk } from '../features/desk/store.js';
import { useDiscipline } from '../features/discipline/store.js';
import { useRoster } from '../features/roster/store.js';
import { forgetClientState, forgetWithCongress } from './forget.js';

describe('forgetClientState', () => {
  it('runs every reset registered, once each', () => {
    const ran: string[] = [];
    const first = () => ran.push('first');
    forgetWithCongress(first);
    forgetWithCongress(first);
    forgetWithCongress(() => ran.push('second'));
    forgetClientState();
    expect(ran).toEqual(['first', 'second']);
  });

  it("clears the desk's meeting, the oath's leader draft and a roster import half done", () => {
    useDesk.getState().setMeeting(7);
    useDiscipline.getState().setLeaderDraft('王书记');
    useRoster.setState({ importFile: { fileName: 'roster.csv', contentBase64: '' }, previewing: true });
    forgetClientState();
    expect(useDesk.getState().meetingId).toBeNull();
    expect(useDiscipline.getState().leaderDraft).toBe('');
    expect(useRoster.getState().importFile).toBeNull();
    expect(useRoster.getState().previewing).toBe(false);
  });
});
