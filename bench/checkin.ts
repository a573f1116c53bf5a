/** checkin.commit: one check-in, committed durably (synchronous=FULL), through the backend. */
import { syntheticRoster, syntheticXlsx } from '../tests/fixtures/synthetic-roster.js';
import { openBenchCongress } from './congress.js';
import { percentile, type Reporter } from './report.js';

export async function benchCheckIn(report: Reporter, size: number): Promise<void> {
  const congress = await openBenchCongress('checkin');
  try {
    const bytes = await syntheticXlsx(syntheticRoster(size));
    await congress.call('roster.import', {
      fileName: 'roster.xlsx',
      contentBase64: Buffer.from(bytes).toString('base64'),
    });
    const meeting = await congress.call('meetings.create', { name: '选举大会', date: '2025-06-15' });
    const delegates = await congress.call('delegates.list', {});
    if (delegates.length !== size) throw new Error(`roster has ${delegates.length} of ${size}`);

    const samples: number[] = [];
    for (const d of delegates) {
      const t = performance.now();
      const out = await congress.call('attendance.checkIn', {
        meetingId: meeting.id,
        delegateId: d.id,
      });
      samples.push(performance.now() - t);
      if (out.outcome !== 'checked_in') throw new Error(`delegate ${d.id}: ${out.outcome}`);
    }
    const note = `${samples.length} check-ins, one transaction + audit row each, temp file`;
    report.add({ bench: 'checkin.commit.p50', value: percentile(samples, 50), unit: 'ms', budget: 5, note });
    report.add({ bench: 'checkin.commit.p99', value: percentile(samples, 99), unit: 'ms', budget: 5, note });
  } finally {
    congress.dispose();
  }
}
