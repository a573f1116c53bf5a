/**
 * The optimistic commit queue of ballot entry: the sheet is ready for the next paper the
 * moment Enter is pressed, and the papers keyed go to the store one after another, in the
 * order keyed, each once.
 *
 * - A refusal (the round closed, more papers than collected…) is the answer for that paper:
 *   the sheet takes it back (sheet.ts). The papers after it still go.
 * - `locked` (the station signed out or locked while papers were waiting) never reaches the
 *   queue: the api's hook (renderer/api/index.ts) shows the lock screen and makes the same call
 *   again once the operator has signed in, so the paper lands once.
 * - The store not reachable (`transport.unreachable`: the call never arrived, the loopback host
 *   restarting) keeps the paper at the head of the queue and tries again, later and later,
 *   until it answers; nothing behind it overtakes it. Any other transport failure may have
 *   reached the store, so sending again could enter the paper twice: it comes back to the sheet
 *   as a refusal, and the counter looks at the recent list.
 */
import { create } from 'zustand';
import type { Input } from '../../../core/contract.js';
import { type AppError, type Result, refuse } from '../../../core/result.js';
import { type CallOptions, invoke } from '../../api/index.js';
import type { Ballot } from './types.js';

export type PaperInput = Input<'ballots.enter'>;

/** A paper keyed and not yet answered, as the screen shows it (the pending count, its round). */
export interface PendingPaper {
  id: number;
  input: PaperInput;
  options: CallOptions;
}

interface CommitQueueState {
  pending: PendingPaper[];
  /** The store did not answer the paper at the head: waiting to try again. */
  unreachable: boolean;
  /** Sends `input` after every paper enqueued before it; resolves with the store's answer. */
  enqueue(input: PaperInput, options?: CallOptions): Promise<Result<Ballot>>;
}

export interface QueueOptions {
  /** The wait before the `attempt`th try again (1, 2, …) after the store did not answer. */
  retryAfter(attempt: number): Promise<void>;
}

const notReached = (error: AppError) => error.reason === 'transport.unreachable';

/** Half a second, then doubling up to five seconds: the host is usually back within a few. */
const backoff = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.min(5000, 500 * 2 ** (attempt - 1))));

export const createCommitQueue = (options: QueueOptions = { retryAfter: backoff }) =>
  create<CommitQueueState>()((set, get) => {
    let tail: Promise<unknown> = Promise.resolve();
    let seq = 0;

    const send = async (paper: PendingPaper): Promise<Result<Ballot>> => {
      for (let attempt = 1; ; attempt++) {
        const r = await invoke('ballots.enter', paper.input, paper.options);
        if (r.ok || !notReached(r.error)) return r;
        set({ unreachable: true });
        await options.retryAfter(attempt);
      }
    };

    return {
      pending: [],
      unreachable: false,
      enqueue(input, callOptions = {}) {
        const paper: PendingPaper = { id: ++seq, input, options: callOptions };
        set({ pending: [...get().pending, paper] });
        const answer = tail.then(async (): Promise<Result<Ballot>> => {
          let r: Result<Ballot>;
          try {
            r = await send(paper);
          } catch (e) {
            // A fault in a hook (the lock screen, the warnings dialog) must not stop the papers behind.
            r = refuse('internal', 'transport.failed', { detail: e instanceof Error ? e.message : String(e) });
          }
          set({ pending: get().pending.filter((p) => p !== paper), unreachable: false });
          return r;
        });
        tail = answer;
        return answer;
      },
    };
  });

/** The window's one queue: every counting screen of this window sends through it. */
export const useCommitQueue = createCommitQueue();
