import { create } from 'zustand';
import { writeInContext } from '../../../core/ballot.js';
import type { Output } from '../../../core/contract.js';
import {
  DEFAULT_CONVENTION,
  type MarkingConvention,
  type PaperMark,
  type WriteIn,
  type WriteInContext,
} from '../../../core/election-types.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { useCongress } from '../../app/congress.js';
import { coalesce } from '../../lib/coalesce.js';
import { type Candidate, type ContestDetail, paperOrder, type Round, type RoundResult } from '../contests/store.js';
import { markAfterNumber, markMeaning, type SheetVerdict, sheetVerdict, typeRowDigit } from './sheet-keys.js';
import { playTone } from './sound.js';

export type Ballot = Output<'ballots.list'>[number];
export type StackSummary = Output<'stacks.list'>[number];
export type StackComparison = Output<'stacks.compare'>;

/** The mark every row starts with on a fresh ballot: ○ or no mark, per screen, remembered. */
export type DefaultMark = 'circle' | 'none';
const DEFAULT_MARK_KEY = 'congressDesk.count.defaultMark';

function initialDefaultMark(): DefaultMark {
  try {
    return window.localStorage.getItem(DEFAULT_MARK_KEY) === 'none' ? 'none' : 'circle';
  } catch {
    return 'circle';
  }
}

/** A write-in line being keyed: its name may still be open for typing. */
export interface DraftWriteIn extends WriteIn {
  editing: boolean;
  /** The counter set this line's mark by a key or a click: a typed name no longer sets it. */
  markKeyed: boolean;
  /** A React key: lines of one paper have no identity of their own. */
  line: number;
}

let lineSeq = 0;
const draft = (w: WriteIn, editing = false): DraftWriteIn => ({ ...w, editing, markKeyed: !editing, line: ++lineSeq });

/**
 * The convention the round's papers are read by: the contest's own (rule 3, 「each contest says
 * which」) when the contest carries one, else the congress setting.
 */
export function contestConvention(detail: ContestDetail | null): MarkingConvention {
  const own = (detail?.contest as { marking?: MarkingConvention } | undefined)?.marking;
  return own ?? useCongress.getState().file?.congress.settings.marking ?? DEFAULT_CONVENTION;
}

/**
 * Ballot entry for one round (`#/count?round=ID`): the paper being keyed (a mark per
 * candidate in paper order, write-in lines, a cursor row), the ballots entered so far, the
 * round's result for "entered of collected", and in double entry the stack and pass.
 * Commits go out one after another in the order keyed; a refused one comes back to the sheet.
 */
interface CountStore {
  roundId: number | null;
  round: Round | null;
  detail: ContestDetail | null;
  candidates: Candidate[];
  ballots: Ballot[];
  result: RoundResult | null;
  loadError: AppError | null;
  /** The last refused commit or other failure, shown above the sheet. */
  error: AppError | null;
  /** What happened last, for the counter's eye: committed #seq, set aside… */
  last: { kind: 'committed' | 'set_aside' | 'corrected' | 'voided'; ballot: Ballot } | null;

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
  /** Rule 4's view of the round: the printed names, those elected earlier, a tie revote. */
  context: WriteInContext;
  defaultMark: DefaultMark;
  /** Correcting a committed ballot: its marks are on the sheet; Enter asks for the reason. */
  correcting: Ballot | null;
  stack: number;
  entry: 1 | 2;
  pending: number;

  stacks: StackSummary[];
  stacksError: AppError | null;

  load(roundId: number | null): void;
  refresh(): Promise<void>;
  refreshStacks(): Promise<void>;
  onBallotsChanged(roundId?: number): void;
  onContestsChanged(contestId?: number): void;

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
   * does not count first only shows why (`confirming`); Enter again commits.
   */
  commit(setAside: boolean): void;
  startCorrecting(ballot: Ballot): void;
  finishCorrecting(reason: string): Promise<Result<Ballot>>;
  voidBallot(ballotId: number, reason: string): Promise<Result<Ballot>>;
  decide(ballotId: number, verdict: 'as_entered' | 'invalid', note: string | null): Promise<Result<Ballot>>;
  compare(stack: number): Promise<Result<StackComparison>>;
  settle(stack: number, position: number, keep: 1 | 2): Promise<Result<StackSummary>>;
}

const fresh = (count: number, mark: DefaultMark): PaperMark[] => Array.from({ length: count }, () => mark);

export const useCount = create<CountStore>()((set, get) => {
  const fetchBallots = coalesce(async () => {
    const roundId = get().roundId;
    if (roundId === null) return;
    const [ballots, result] = await Promise.all([
      invoke('ballots.list', { roundId }),
      invoke('rounds.result', { roundId }),
    ]);
    if (get().roundId !== roundId) return;
    if (!ballots.ok) {
      set({ loadError: ballots.error });
      return;
    }
    if (!result.ok) {
      set({ loadError: result.error });
      return;
    }
    set({ ballots: ballots.value, result: result.value, round: result.value.round, loadError: null });
  });

  const fetchStacks = coalesce(async () => {
    const roundId = get().roundId;
    if (roundId === null || !get().detail?.contest.doubleEntry) return;
    const r = await invoke('stacks.list', { roundId });
    if (get().roundId !== roundId) return;
    set(r.ok ? { stacks: r.value, stacksError: null } : { stacksError: r.error });
  });

  const fetchAll = coalesce(async () => {
    const roundId = get().roundId;
    if (roundId === null) return;
    const first = await invoke('rounds.result', { roundId });
    if (get().roundId !== roundId) return;
    if (!first.ok) {
      set({ loadError: first.error });
      return;
    }
    const detail = await invoke('contests.get', { contestId: first.value.round.contestId });
    if (get().roundId !== roundId) return;
    if (!detail.ok) {
      set({ loadError: detail.error });
      return;
    }
    const round = detail.value.rounds.find((r) => r.id === roundId) ?? first.value.round;
    const candidates = paperOrder(round, detail.value.candidates);
    const sheetFits = get().marks.length === candidates.length;
    // Those elected in the contest's earlier closed rounds: a write-in naming one is disregarded.
    const earlier = detail.value.rounds.filter((r) => r.number < round.number && r.status === 'closed');
    const excluded: string[] = [];
    for (const r of earlier) {
      const res = await invoke('rounds.result', { roundId: r.id });
      if (res.ok) for (const e of res.value.decision.elected) excluded.push(e.name);
    }
    if (get().roundId !== roundId) return;
    set({
      round,
      detail: detail.value,
      candidates,
      result: first.value,
      context: writeInContext({
        printed: candidates.map((c) => c.name),
        excluded,
        onlyTied: round.kind === 'tie_revote',
      }),
      ...(sheetFits
        ? {}
        : { marks: fresh(candidates.length, get().defaultMark), cursor: 0, writeIns: [], touched: false }),
    });
    await Promise.all([fetchBallots(), fetchStacks()]);
  });

  /** Commits in the order keyed, one at a time. */
  let queue: Promise<void> = Promise.resolve();

  const rowCount = () => get().candidates.length + get().writeIns.length;

  /** What belongs to one round: cleared when another round is opened. */
  const roundLoaded = () => ({
    round: null,
    detail: null,
    candidates: [] as Candidate[],
    ballots: [] as Ballot[],
    result: null,
    loadError: null,
    error: null,
    last: null,
    marks: [] as PaperMark[],
    writeIns: [] as DraftWriteIn[],
    cursor: 0,
    touched: false,
    rowPending: '',
    confirming: false,
    context: writeInContext({}),
    correcting: null,
    stacks: [],
    stacksError: null,
  });

  const sheetReset = () => ({
    marks: fresh(get().candidates.length, get().defaultMark),
    writeIns: [] as DraftWriteIn[],
    cursor: 0,
    touched: false,
    rowPending: '',
    confirming: false,
    correcting: null,
  });

  /** Any change to the paper: it has been keyed, and a held Enter must be pressed again. */
  const keyed = { touched: true, confirming: false, rowPending: '' } as const;

  /** The paper as it goes to the store: lines without a name are not lines. */
  const paperOf = (marks: PaperMark[], writeIns: DraftWriteIn[]) => ({
    marks: [...marks],
    writeIns: writeIns.filter((w) => w.name.trim() !== '').map((w) => ({ name: w.name.trim(), mark: w.mark })),
  });

  return {
    roundId: null,
    ...roundLoaded(),
    defaultMark: initialDefaultMark(),
    stack: 1,
    entry: 1,
    pending: 0,

    load(roundId) {
      if (get().roundId === roundId) {
        void fetchAll();
        return;
      }
      set({ roundId, ...roundLoaded() });
      void fetchAll();
    },
    refresh: fetchAll,
    refreshStacks: fetchStacks,
    onBallotsChanged(roundId) {
      if (get().roundId === null || (roundId !== undefined && roundId !== get().roundId)) return;
      void fetchBallots();
      void fetchStacks();
    },
    onContestsChanged(contestId) {
      const detail = get().detail;
      if (get().roundId === null || (contestId !== undefined && detail && detail.contest.id !== contestId)) return;
      void fetchAll();
    },

    setMark(mark, advance = true) {
      const { cursor, candidates } = get();
      if (cursor < candidates.length) {
        const marks = [...get().marks];
        marks[cursor] = mark;
        set({ marks, ...keyed });
      } else {
        const i = cursor - candidates.length;
        const writeIns = get().writeIns.map((w, j) => (j === i ? { ...w, mark, markKeyed: true } : w));
        set({ writeIns, ...keyed });
      }
      if (advance) set({ cursor: Math.min(cursor + 1, Math.max(rowCount() - 1, 0)) });
    },
    typeDigit(digit) {
      const { candidates, rowPending, defaultMark } = get();
      if (candidates.length === 0) return;
      const step = typeRowDigit(rowPending, digit, candidates.length);
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
      marks[step.row] = markAfterNumber(marks[step.row] ?? defaultMark, defaultMark, contestConvention(get().detail));
      set({ marks, cursor: step.row, ...keyed });
    },
    blankPaper() {
      set({ marks: fresh(get().candidates.length, 'none'), cursor: 0, ...keyed });
    },
    verdict() {
      const { round, marks, writeIns, touched, context } = get();
      if (!round) return { kind: 'idle' };
      return sheetVerdict(touched, { marks, writeIns }, round.seats, contestConvention(get().detail), context);
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
      try {
        window.localStorage.setItem(DEFAULT_MARK_KEY, mark);
      } catch {
        // not remembered
      }
      // An untouched sheet follows the new default at once.
      const untouched = get().correcting === null && !get().touched;
      set({ defaultMark: mark });
      if (untouched) set({ marks: fresh(get().candidates.length, mark), writeIns: [] });
    },
    resetSheet() {
      set(sheetReset());
    },
    addWriteIn() {
      const writeIns = [...get().writeIns, draft({ name: '', mark: 'none' }, true)];
      set({ writeIns, cursor: get().candidates.length + writeIns.length - 1, ...keyed });
    },
    setWriteInName(index, name) {
      // 另选他人: the voter writes a name and marks it "for"; a name on the line carries the mark
      // meaning "for" under the contest's convention until the counter keys another mark.
      const forMark = markMeaning(contestConvention(get().detail), 'for') ?? 'circle';
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
        cursor: get().candidates.length + index,
      });
      if (commit) get().commit(false);
    },
    removeWriteIn(index) {
      const writeIns = get().writeIns.filter((_, i) => i !== index);
      set({ writeIns, cursor: Math.min(get().cursor, get().candidates.length + writeIns.length - 1), ...keyed });
    },
    setStack(stack) {
      set({ stack });
    },
    setEntry(entry) {
      set({ entry });
    },

    commit(setAside) {
      const { roundId, detail, marks, writeIns, correcting, stack, entry, confirming } = get();
      if (roundId === null || !detail || correcting) return;
      if (writeIns.some((w) => w.editing && w.name.trim() !== '')) {
        // A name still in its field is part of this paper: take it as typed.
        set({ writeIns: writeIns.map((w) => (w.editing ? { ...w, name: w.name.trim(), editing: false } : w)) });
        get().commit(setAside);
        return;
      }
      // A written-in name that will not count is committed only once the counter has seen why.
      if (!setAside && !confirming) {
        const verdict = sheetVerdict(
          true,
          { marks, writeIns },
          get().round?.seats ?? 1,
          contestConvention(detail),
          get().context,
        );
        if (verdict.kind === 'judged' && verdict.notCounting.length > 0) {
          playTone('soft');
          set({ confirming: true, touched: true });
          return;
        }
      }
      const doubleEntry = detail.contest.doubleEntry;
      const paper = paperOf(marks, writeIns);
      // The sheet is ready for the next paper at once; a refused commit brings this one back.
      set({ ...sheetReset(), error: null, pending: get().pending + 1 });
      queue = queue.then(async () => {
        const r = await invoke(
          'ballots.enter',
          { roundId, ...paper, setAside, stack: doubleEntry ? stack : null, entry: doubleEntry ? entry : null },
          // The counter confirmed on the sheet why a write-in does not count: that is the warning
          // acknowledged (the audit row records it); any other warning still asks.
          confirming ? { acknowledge: ['warning.write_in_disregarded'] } : {},
        );
        set({ pending: get().pending - 1 });
        if (get().roundId !== roundId) return;
        if (r.ok) {
          playTone(setAside ? 'soft' : 'ok');
          set({ last: { kind: setAside ? 'set_aside' : 'committed', ballot: r.value } });
          set({ ballots: [...get().ballots.filter((b) => b.id !== r.value.id), r.value] });
          void fetchBallots();
        } else {
          playTone('error');
          set({
            error: r.error,
            marks: paper.marks,
            writeIns: paper.writeIns.map((w) => draft(w)),
            cursor: 0,
            touched: true,
          });
        }
      });
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
      if (r.ok) {
        set({ ...sheetReset(), last: { kind: 'corrected', ballot: r.value } });
        void fetchBallots();
      }
      return r;
    },
    async voidBallot(ballotId, reason) {
      const r = await invoke('ballots.void', { ballotId, reason });
      if (r.ok) {
        set({ last: { kind: 'voided', ballot: r.value } });
        void fetchBallots();
      }
      return r;
    },
    async decide(ballotId, verdict, note) {
      const r = await invoke('ballots.decide', { ballotId, verdict, note });
      if (r.ok) void fetchBallots();
      return r;
    },
    compare(stack) {
      const roundId = get().roundId ?? 0;
      return invoke('stacks.compare', { roundId, stack });
    },
    async settle(stack, position, keep) {
      const roundId = get().roundId ?? 0;
      const r = await invoke('stacks.settle', { roundId, stack, position, keep });
      if (r.ok) {
        void fetchStacks();
        void fetchBallots();
      }
      return r;
    },
  };
});

/** Ballots that stand: in the tally or waiting for the scrutineers (not voided or replaced). */
export const isStanding = (b: Ballot): boolean => b.state === 'counted' || b.state === 'set_aside';
