import { Alert, Button } from 'antd';
import type { AppError } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import type { Translate } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import type { Round, RoundResult } from '../contests/store.js';
import styles from './CloseBlocked.module.css';

/** One thing that keeps a round from closing, with its figures. */
export type CloseBlocker =
  | { kind: 'ballots_missing'; entered: number; collected: number }
  | { kind: 'set_aside_pending'; n: number }
  | { kind: 'stacks_unreconciled'; n: number };

export interface CloseBlocked {
  contest: string;
  round: number;
  roundId: number;
  blockers: CloseBlocker[];
}

/** What the round's result says is still missing (rounds.result's `provisional` and its counts). */
export function closeBlockers(result: RoundResult, unreconciledStacks: number): CloseBlocker[] {
  const out: CloseBlocker[] = [];
  for (const p of result.provisional) {
    if (p === 'ballots_missing') {
      out.push({
        kind: p,
        entered: result.tally.counted + result.tally.pendingSetAside,
        collected: result.round.collected ?? 0,
      });
    } else if (p === 'set_aside_pending') out.push({ kind: p, n: result.tally.pendingSetAside });
    else if (p === 'stacks_unreconciled') out.push({ kind: p, n: unreconciledStacks });
  }
  return out;
}

/**
 * Before the chief scrutineer is asked for the PIN: reads the round's result now (another
 * station may have keyed the last ballots a moment ago) and answers what is missing, if anything.
 */
export async function checkRoundCanClose(
  round: Round,
  contestTitle: string,
): Promise<{ ok: true; blocked: CloseBlocked | null } | { ok: false; error: AppError }> {
  const r = await invoke('rounds.result', { roundId: round.id });
  if (!r.ok) return r;
  let stacks = 0;
  if (r.value.provisional.includes('stacks_unreconciled')) {
    const s = await invoke('stacks.list', { roundId: round.id });
    if (s.ok) stacks = s.value.filter((x) => !x.reconciled).length;
  }
  const blockers = closeBlockers(r.value, stacks);
  return {
    ok: true,
    blocked: blockers.length === 0 ? null : { contest: contestTitle, round: round.number, roundId: round.id, blockers },
  };
}

/** The store's refusal `round.close_blocked` (a close raced with a change), as the same list. */
export function blockedFromError(error: AppError, roundId: number): CloseBlocked | null {
  if (error.reason !== 'round.close_blocked') return null;
  const p = error.params ?? {};
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
  const blockers: CloseBlocker[] = [];
  for (const d of error.details ?? []) {
    if (d.reason === 'round.ballots_missing') {
      blockers.push({ kind: 'ballots_missing', entered: num(p.entered), collected: num(p.collected) });
    } else if (d.reason === 'round.set_aside_pending') blockers.push({ kind: 'set_aside_pending', n: num(p.setAside) });
    else if (d.reason === 'round.stacks_unreconciled') blockers.push({ kind: 'stacks_unreconciled', n: num(p.stacks) });
  }
  return { contest: String(p.contest ?? ''), round: num(p.round), roundId, blockers };
}

/** What is missing, said plainly, with the way to the counting screen. No PIN was asked for. */
export function CloseBlockedAlert(props: { blocked: CloseBlocked; t: Translate; onClose(): void }) {
  const { blocked, t } = props;
  const navigate = useRoute((x) => x.navigate);
  return (
    <Alert
      type="warning"
      showIcon
      className="page-alert"
      data-testid="round-close-blocked"
      closable={{ onClose: props.onClose }}
      title={t('count.closeBlocked.title', { contest: blocked.contest, round: blocked.round })}
      description={
        <div>
          <ul className={styles.blockers}>
            {blocked.blockers.map((b) => (
              <li key={b.kind} data-testid="close-blocker" data-kind={b.kind}>
                {b.kind === 'ballots_missing'
                  ? t('count.closeBlocked.ballots', {
                      entered: b.entered,
                      collected: b.collected,
                      missing: Math.max(b.collected - b.entered, 0),
                    })
                  : b.kind === 'set_aside_pending'
                    ? t('count.closeBlocked.setAside', { n: b.n })
                    : t('count.closeBlocked.stacks', { n: b.n })}
              </li>
            ))}
          </ul>
          <Button
            size="small"
            data-testid="round-close-blocked-count"
            onClick={() => navigate('count', { round: String(blocked.roundId) })}
          >
            {t('count.closeBlocked.toCount')}
          </Button>
        </div>
      }
    />
  );
}
