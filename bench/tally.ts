/** tally.recount.100k: a full recount of 100,000 paper ballots × 30 candidates in core (rule 4 + tally + result). */
import { type BallotMarks, DEFAULT_CONVENTION, type PaperMark } from '../core/election-types.js';
import { decideRound } from '../core/results.js';
import { type TallyBallot, tallyRound } from '../core/tally.js';
import { median, type Reporter } from './report.js';

const BALLOTS = 100_000;
const CANDIDATES = 30;
const SEATS = 25; // 30 candidates is the 20% margin for 25 seats (rule 8)

export async function benchTally(report: Reporter): Promise<void> {
  const ballots = syntheticBallots();
  const names = Array.from({ length: CANDIDATES }, (_, i) => `候选人${i + 1}`);
  const samples: number[] = [];
  let elected = 0;
  let invalid = 0;
  let writeIns = 0;
  for (let run = 0; run < 6; run++) {
    const t = performance.now();
    const tally = tallyRound(CANDIDATES, ballots, SEATS, DEFAULT_CONVENTION);
    const d = decideRound({
      tally,
      candidateNames: names,
      seats: SEATS,
      kind: 'election',
      votersPresent: BALLOTS,
      due: BALLOTS,
    });
    samples.push(performance.now() - t);
    elected = d.elected.length;
    invalid = tally.invalid;
    writeIns = tally.writeIns.reduce((a, w) => a + w.for, 0);
    if (tally.counted + tally.pendingSetAside !== BALLOTS) throw new Error('ballots lost in the recount');
  }
  const [cold, ...warm] = samples;
  report.add({
    bench: 'tally.recount.100k',
    value: median(warm),
    unit: 'ms',
    budget: 1000,
    note: `median of ${warm.length} warm runs (first run ${Math.round(cold!)} ms); ${BALLOTS} ballots × ${CANDIDATES} candidates, ${SEATS} seats; ${invalid} invalid, ${writeIns} write-in votes, ${elected} elected`,
  });
}

/** Deterministic ballots: mostly ○ with a few × or blanks, some write-ins, some over-chosen. */
function syntheticBallots(): TallyBallot[] {
  let seed = 20250615;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const out: TallyBallot[] = [];
  for (let b = 0; b < BALLOTS; b++) {
    const marks: PaperMark[] = Array(CANDIDATES).fill('circle');
    const overChosen = rand() < 0.02;
    const changes = overChosen ? 2 : 5 + Math.floor(rand() * 4);
    for (let k = 0; k < changes; k++) marks[Math.floor(rand() * CANDIDATES)] = rand() < 0.7 ? 'cross' : 'none';
    const writeIns = rand() < 0.05 ? [{ name: rand() < 0.5 ? '张 三' : '李四', mark: 'circle' as const }] : [];
    const ballot: BallotMarks = { marks, writeIns };
    out.push({ marks: ballot, status: rand() < 0.001 ? 'pending' : 'counted' });
  }
  return out;
}
