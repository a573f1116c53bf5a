/** The results store keeps only this window's export: it goes with the congress (app/forget.ts). */
import { describe, expect, it } from 'vitest';
import { forgetClientState } from '../../app/forget.js';
import { type ExportOutcome, useResults } from './store.js';

describe('useResults', () => {
  it('forgets the last export when the congress closes or another opens', () => {
    const outcome = { path: '/tmp/result.json', contentHash: 'ab'.repeat(32) } as ExportOutcome;
    useResults.setState({ lastExport: outcome, exporting: true });
    forgetClientState();
    expect(useResults.getState()).toMatchObject({ lastExport: null, exporting: false });
  });
});
