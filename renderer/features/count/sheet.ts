/**
 * The ballot being keyed (`#/count?round=ID`): a mark per candidate in paper order, the
 * write-in lines, the cursor row, and what happened to the last paper. Client state only: the
 * round, its candidates and the ballots entered come from the fetch layer (CountScreen) and are
 * handed in with `setRound`. Enter hands the paper to the commit queue and clears the sheet at
 * once; a refused paper comes back here.
 */
import { create } from 'zustand';
import type { MarkingConvention, PaperMark, WriteIn, WriteInContext } from '../../../core/election-types.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { queryClient, queryKey } from '../../api/queries.js';
import { isKept } from '../lan/format.js';
import { type createCommitQueue, type PaperInput, useCommitQueue } from './commit-queue.js';
import { type DefaultMark, loadDefaultMark, saveDefaultMark } from './preferences.js';
import { holdsEnter, type SheetVerdict, sheetVerdict } from './preview.js';
import { markAfterNumber, markMeaning, type SheetAction, typeRowDigit } from './sheet-keys.js';
import { playTone } from './sound.js';
import type { Ballot, Candidate } from './types.js';

/** What the sheet needs to know of the round being counted, read by the screen. */
export interface RoundSheet {
  roundId: number;
  /** In paper order. */
  candidates: Candidate[];
  seats: number;
  convention: MarkingConvention;
  /** Rule 4's view of the round: the printed names, those elected earlier, a tie revote. */
  context: WriteInContext;
  doubleEntry: boolean;
}

/** A write-in line being keyed: its name may still be open for typing. */
export interface DraftWriteIn extends WriteIn {
  editing: boolean;
  /** The counter set this line's mark by a key or a click: a typed name no longer sets it. */
  markKeyed: boolean;
  /** A React key: lines of one paper have no identity of their own. */
  line: number;
}

export type LastKind = 'committed' | 'set_aside' | 'corrected' | 'voided';

export interface SheetState {
  round: RoundSheet | null;
  marks: PaperMark[];
  writeIns: DraftWriteIn[];
  cursor: number;
  /**
   * Someone keyed this paper (a mark, a row number, a write-in, a click): until then the sheet
   * shows no verdict, neither red nor green.
   */
  touched: boolean;
  /** The first digit of a two-digit row number (papers of 10 or more candidates). */
  rowPending: string;
  /**
   * Enter was pressed on a paper with a written-in name that will not count: the sheet says why
   * and a second Enter commits it as it is. Cleared by any change to the paper.
   */
  confirming: boolean;
  defaultMark: DefaultMark;
  /** Correcting a committed ballot: its marks are on the sheet; Enter asks for the reason. */
  correcting: Ballot | null;
  stack: number;
  entry: 1 | 2;
  /** The last refused commit or other failure, shown above the sheet. */
  error: AppError | null;
  /** What happened last, for the counter's eye: committed #seq, set aside… */
  last: { kind: LastKind; ballot: Ballot } | null;
  /**
   * The last paper went to this station's outbox, its host cut off (issue 14, `queued`): not a
   * refusal, it is entered when the link is back; the sheet goes on with the next paper.
   */
  kept: AppError | null;

  /** The round as read now: a new round starts a fresh sheet; a re-read keeps the paper. */
  setRound(round: RoundSheet | null): void;
  /** A key of sheet-keys.ts (not `askReason`, which is the screen's dialog). */
  perform(action: SheetAction): void;
  setMark(mark: PaperMark, advance?: boolean): void;
  /** A digit key: part of a row number; a whole number flips that row (see sheet-keys.ts). */
  typeDigit(digit: string): void;
  /** `b`: every printed row unmarked (a blank paper, valid by rule 4); write-in lines stay. */
  blankPaper(): void;
  /** The paper as rule 4 judges it now (idle until keyed). */
  verdict(): SheetVerdict;
  move(delta: number): void;
  setCursor(row: number): void;
  setDefaultMark(mark: DefaultMark): void;
  resetSheet(): void;
  addWriteIn(): void;
  setWriteInName(index: number, name: string): void;
  /** The name is done (Enter or Tab in its field): it leaves the field; Enter also commits (`commit`). */
  finishWriteInName(index: number, commit?: boolean): void;
  removeWriteIn(index: number): void;
  setStack(stack: number): void;
  setEntry(entry: 1 | 2): void;
  /**
   * Enter (setAside false) or `s` (setAside true). Enter on a paper with a written-in name that
   * does not count first only shows why (`confirming`); Enter again commits. Resolves when the
   * store has answered this paper (at once when nothing was sent).
   */
  commit(setAside: boolean): Promise<void>;
  startCorrecting(ballot: Ballot): void;
  finishCorrecting(reason: string): Promise<Result<Ballot>>;
  /** After a ballot was voided from the list beside the sheet. */
  noteVoided(ballot: Ballot): void;
}

let lineSeq = 0;
const draft = (w: WriteIn, editing = false): DraftWriteIn => ({ ...w, editing, markKeyed: !editing, line: ++lineSeq });

const fresh = (count: number, mark: PaperMark): PaperMark[] => Array.from({ length: count }, () => mark);

/** The paper as it goes to the store: lines without a name are not lines. */
const paperOf = (marks: PaperMark[], writeIns: DraftWriteIn[]) => ({
  marks: [...marks],
  writeIns: writeIns.filter((w) => w.name.trim() !== '').map((w) => ({ name: w.name.trim(), mark: w.mark })),
});

/** Any change to the paper: it has been keyed, and a held Enter must be pressed again. */
const keyed = { touched: true, confirming: false, rowPending: '' } as const;

/** A committed ballot shows in the list beside the sheet at once, before the list is read again. */
function showEntered(ballot: Ballot): void {
  queryClient.setQueryData<Ballot[]>(queryKey('ballots.list', { roundId: ballot.roundId }), (old) =>
    old ? [...old.filter((b) => b.id !== ballot.id), ballot] : old,
  );
}

export const createSheet = (queue: ReturnType<typeof createCommitQueue> = useCommitQueue) =>
  create<SheetState>()((set, get) => {
    const rowCount = () => (get().round?.candidates.length ?? 0) + get().writeIns.length;
    const candidateCount = () => get().round?.candidates.length ?? 0;

    const sheetReset = () => ({
      marks: fresh(candidateCount(), get().defaultMark),
      writeIns: [] as DraftWriteIn[],
      cursor: 0,
      touched: false,
      rowPending: '',
      confirming: false,
      correcting: null,
    });

    const convention = () => get().round?.convention;

    return {
      round: null,
      marks: [],
      writeIns: [],
      cursor: 0,
      touched: false,
      rowPending: '',
      confirming: false,
      defaultMark: loadDefaultMark(),
      correcting: null,
      stack: 1,
      entry: 1,
      error: null,
      last: null,
      kept: null,

      setRound(round) {
        const before = get().round;
        if (round === null || before === null || before.roundId !== round.roundId) {
          set({ round, error: null, last: null, kept: null });
          set(sheetReset());
          return;
        }
        set({ round });
        if (before.candidates.length !== round.candidates.length) set(sheetReset());
      },
      perform(action) {
        switch (action.kind) {
          case 'mark':
            return get().setMark(action.mark);
          case 'digit':
            return get().typeDigit(action.digit);
          case 'blank':
            return get().blankPaper();
          case 'move':
            return get().move(action.delta);
          case 'commit':
            return void get().commit(false);
          case 'setAside':
            return void get().commit(true);
          case 'writeIn':
            return get().addWriteIn();
          case 'reset':
            return get().resetSheet();
          case 'removeWriteIn':
            return get().removeWriteIn(get().cursor - candidateCount());
          case 'askReason':
            return;
        }
      },
      setMark(mark, advance = true) {
        const { cursor } = get();
        if (cursor < candidateCount()) {
          const marks = [...get().marks];
          marks[cursor] = mark;
          set({ marks, ...keyed });
        } else {
          const i = cursor - candidateCount();
          const writeIns = get().writeIns.map((w, j) => (j === i ? { ...w, mark, markKeyed: true } : w));
          set({ writeIns, ...keyed });
        }
        if (advance) set({ cursor: Math.min(cursor + 1, Math.max(rowCount() - 1, 0)) });
      },
      typeDigit(digit) {
        const { round, rowPending, defaultMark } = get();
        if (!round || round.candidates.length === 0) return;
        const step = typeRowDigit(rowPending, digit, round.candidates.length);
        if (step.kind === 'pending') {
          set({ rowPending: step.pending });
          return;
        }
        if (step.kind === 'none') {
          playTone('error');
          set({ rowPending: '' });
          return;
        }
        const marks = [...get().marks];
        marks[step.row] = markAfterNumber(marks[step.row] ?? defaultMark, defaultMark, round.convention);
        set({ marks, cursor: step.row, ...keyed });
      },
      blankPaper() {
        set({ marks: fresh(candidateCount(), 'none'), cursor: 0, ...keyed });
      },
      verdict() {
        const { round, marks, writeIns, touched } = get();
        if (!round) return { kind: 'idle' };
        return sheetVerdict(touched, { marks, writeIns }, round.seats, round.convention, round.context);
      },
      move(delta) {
        const n = rowCount();
        if (n === 0) return;
        set({ cursor: Math.max(0, Math.min(n - 1, get().cursor + delta)) });
      },
      setCursor(row) {
        set({ cursor: Math.max(0, Math.min(rowCount() - 1, row)) });
      },
      setDefaultMark(mark) {
        saveDefaultMark(mark);
        // An untouched sheet follows the new default at once.
        const untouched = get().correcting === null && !get().touched;
        set({ defaultMark: mark });
        if (untouched) set({ marks: fresh(candidateCount(), mark), writeIns: [] });
      },
      resetSheet() {
        set(sheetReset());
      },
      addWriteIn() {
        const writeIns = [...get().writeIns, draft({ name: '', mark: 'none' }, true)];
        set({ writeIns, cursor: candidateCount() + writeIns.length - 1, ...keyed });
      },
      setWriteInName(index, name) {
        // 另选他人: the voter writes a name and marks it "for"; a name on the line carries the mark
        // meaning "for" under the contest's convention until the counter keys another mark.
        const c = convention();
        const forMark = (c && markMeaning(c, 'for')) ?? 'circle';
        set({
          writeIns: get().writeIns.map((w, i) =>
            i !== index ? w : { ...w, name, mark: w.markKeyed ? w.mark : name.trim() === '' ? 'none' : forMark },
          ),
          ...keyed,
        });
      },
      finishWriteInName(index, commit = false) {
        const w = get().writeIns[index];
        if (!w) return;
        if (w.name.trim() === '') {
          // A line opened and left empty is taken back; that is all Enter does then.
          get().removeWriteIn(index);
          return;
        }
        set({
          writeIns: get().writeIns.map((x, i) => (i === index ? { ...x, name: x.name.trim(), editing: false } : x)),
          cursor: candidateCount() + index,
        });
        if (commit) void get().commit(false);
      },
      removeWriteIn(index) {
        if (index < 0 || index >= get().writeIns.length) return;
        const writeIns = get().writeIns.filter((_, i) => i !== index);
        set({ writeIns, cursor: Math.min(get().cursor, candidateCount() + writeIns.length - 1), ...keyed });
      },
      setStack(stack) {
        set({ stack });
      },
      setEntry(entry) {
        set({ entry });
      },

      async commit(setAside) {
        const { round, marks, writeIns, correcting, stack, entry, confirming } = get();
        if (!round || correcting) return;
        if (writeIns.some((w) => w.editing && w.name.trim() !== '')) {
          // A name still in its field is part of this paper: take it as typed.
          set({ writeIns: writeIns.map((w) => (w.editing ? { ...w, name: w.name.trim(), editing: false } : w)) });
          return get().commit(setAside);
        }
        // A written-in name that will not count is committed only once the counter has seen why.
        if (
          !setAside &&
          !confirming &&
          holdsEnter(sheetVerdict(true, { marks, writeIns }, round.seats, round.convention, round.context))
        ) {
          playTone('soft');
          set({ confirming: true, touched: true });
          return;
        }
        const paper = paperOf(marks, writeIns);
        const input: PaperInput = {
          roundId: round.roundId,
          ...paper,
          setAside,
          stack: round.doubleEntry ? stack : null,
          entry: round.doubleEntry ? entry : null,
        };
        // The sheet is ready for the next paper at once; a refused commit brings this one back.
        set({ ...sheetReset(), error: null });
        const r = await queue.getState().enqueue(
          input,
          // The counter confirmed on the sheet why a write-in does not count: that is the warning
          // acknowledged (the audit row records it); any other warning still asks.
          confirming ? { acknowledge: ['warning.write_in_disregarded'] } : {},
        );
        if (get().round?.roundId !== round.roundId) return;
        if (r.ok) {
          playTone(setAside ? 'soft' : 'ok');
          set({ last: { kind: setAside ? 'set_aside' : 'committed', ballot: r.value }, kept: null });
          showEntered(r.value);
        } else if (isKept(r.error)) {
          playTone(setAside ? 'soft' : 'ok');
          set({ last: null, kept: r.error });
        } else {
          playTone('error');
          set({
            error: r.error,
            marks: paper.marks,
            writeIns: paper.writeIns.map((w) => draft(w)),
            cursor: 0,
            touched: true,
            confirming: false,
            rowPending: '',
          });
        }
      },
      startCorrecting(ballot) {
        set({
          correcting: ballot,
          marks: [...ballot.marks],
          writeIns: ballot.writeIns.map((w) => draft(w)),
          cursor: 0,
          touched: true,
          confirming: false,
          rowPending: '',
          error: null,
        });
      },
      async finishCorrecting(reason) {
        const { correcting, marks, writeIns } = get();
        if (!correcting) return { ok: false, error: { code: 'not_found', message: '' } };
        const r = await invoke('ballots.correct', { ballotId: correcting.id, ...paperOf(marks, writeIns), reason });
        if (r.ok) set({ ...sheetReset(), last: { kind: 'corrected', ballot: r.value } });
        return r;
      },
      noteVoided(ballot) {
        set({ last: { kind: 'voided', ballot } });
      },
    };
  });

/** The window's one sheet. */
export const useSheet = createSheet();

/** Ballots that stand: in the tally or waiting for the scrutineers (not voided or replaced). */
export const isStanding = (b: Ballot): boolean => b.state === 'counted' || b.state === 'set_aside';
