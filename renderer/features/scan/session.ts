/**
 * The scan screen's client state (`#/scan?round=ID`): the page being confirmed and its draft
 * (confirm.ts), the pages sent and not yet answered (so the next page opens at once while the
 * store commits this one), the stack and entry of double entry, and the notices of files not
 * received. The pages themselves come from the store (`scan.pages`).
 */
import { create } from 'zustand';
import type { MarkingConvention, PaperMark, WriteInContext } from '../../../core/election-types.js';
import type { AppError } from '../../../core/result.js';
import { queryClient } from '../../api/queries.js';
import { type PaperInput, useCommitQueue } from '../count/commit-queue.js';
import { holdsEnter, sheetVerdict } from '../count/preview.js';
import type { SheetAction } from '../count/sheet-keys.js';
import { playTone } from '../count/sound.js';
import type { Ballot } from '../count/types.js';
import type { ScanPage } from './api.js';
import { applyKey, type ConfirmDraft, checkDraft, draftFromReading, typeName } from './confirm.js';

export interface ScanRound {
  roundId: number;
  seats: number;
  convention: MarkingConvention;
  context: WriteInContext;
  doubleEntry: boolean;
  defaultMark: PaperMark;
}

/** A file or page not received, or a page refused on reading: said in the UI's language from its code. */
export interface ScanNotice {
  id: number;
  name: string;
  code: string;
  params: Record<string, string | number>;
}

interface ScanSession {
  round: ScanRound | null;
  draft: ConfirmDraft | null;
  /** Pages handed to `ballots.enter` and not yet answered: not offered again. */
  sent: number[];
  /** Enter found boxes or lines left to a person: the rows, shown until the paper changes. */
  left: { undecided: number[]; unnamed: number[] } | null;
  /** Enter held once because a written-in name will not count (as on the count screen). */
  confirming: boolean;
  stack: number;
  entry: 1 | 2;
  error: AppError | null;
  notices: ScanNotice[];
  last: Ballot | null;

  setRound(round: ScanRound | null): void;
  /** Opens a read page (or none); the draft starts as the reading says. */
  open(page: ScanPage | null): void;
  key(action: SheetAction): void;
  typeName(line: number, name: string): void;
  setCursor(row: number): void;
  /** Enter (false) or 「送监票人」 (true). */
  commit(setAside: boolean): Promise<void>;
  notify(skipped: Omit<ScanNotice, 'id'>[]): void;
  dismiss(id: number): void;
  setStack(stack: number): void;
  setEntry(entry: 1 | 2): void;
}

let noticeSeq = 0;

/** The page list shows a confirmed page at once, before the store's list is read again. */
function markConfirmed(roundId: number, pageId: number, ballotId: number): void {
  queryClient.setQueryData<ScanPage[]>(['scan.pages', { roundId }], (old) =>
    old?.map((p) => (p.id === pageId ? { ...p, status: 'confirmed' as const, ballotId } : p)),
  );
}

export const createScanSession = () =>
  create<ScanSession>()((set, get) => ({
    round: null,
    draft: null,
    sent: [],
    left: null,
    confirming: false,
    stack: 1,
    entry: 1,
    error: null,
    notices: [],
    last: null,

    setRound(round) {
      if (round?.roundId !== get().round?.roundId) {
        set({ round, draft: null, sent: [], left: null, confirming: false, error: null, notices: [], last: null });
      } else set({ round });
    },
    open(page) {
      if (!page?.reading) {
        set({ draft: null, left: null, confirming: false });
        return;
      }
      if (get().draft?.pageId === page.id) return;
      set({ draft: draftFromReading(page.id, page.reading), left: null, confirming: false });
    },
    key(action) {
      const { draft, round } = get();
      if (!draft || !round) return;
      const next = applyKey(draft, action, round.convention, round.defaultMark);
      if (next) set({ draft: next, left: null, confirming: false });
    },
    typeName(line, name) {
      const { draft } = get();
      if (draft) set({ draft: typeName(draft, line, name), left: null, confirming: false });
    },
    setCursor(row) {
      const { draft } = get();
      if (draft) set({ draft: { ...draft, cursor: row, rowPending: '' } });
    },
    async commit(setAside) {
      const { draft, round, confirming, stack, entry } = get();
      if (!draft || !round) return;
      const check = checkDraft(draft, setAside);
      if (!check.ok) {
        // 「不确定的格必须由人决定」: Enter says which boxes and lines are left, and nothing is sent.
        playTone('error');
        set({ left: { undecided: check.undecided, unnamed: check.unnamed } });
        return;
      }
      const paper = { marks: check.marks, writeIns: check.writeIns };
      if (
        !setAside &&
        !confirming &&
        holdsEnter(sheetVerdict(true, paper, round.seats, round.convention, round.context))
      ) {
        playTone('soft');
        set({ confirming: true });
        return;
      }
      const input = {
        roundId: round.roundId,
        ...paper,
        setAside,
        stack: round.doubleEntry ? stack : null,
        entry: round.doubleEntry ? entry : null,
        pageId: draft.pageId,
      } satisfies PaperInput;
      const pageId = draft.pageId;
      // The next page opens at once (the screen picks it); a refusal brings this one back.
      set({ sent: [...get().sent, pageId], draft: null, left: null, confirming: false, error: null });
      const r = await useCommitQueue
        .getState()
        .enqueue(input, confirming ? { acknowledge: ['warning.write_in_disregarded'] } : {});
      if (get().round?.roundId !== round.roundId) return;
      set({ sent: get().sent.filter((id) => id !== pageId) });
      if (r.ok) {
        playTone(setAside ? 'soft' : 'ok');
        markConfirmed(round.roundId, pageId, r.value.id);
        set({ last: r.value });
      } else {
        playTone('error');
        set({ error: r.error, draft: get().draft ?? { ...draft, changed: true } });
      }
    },
    notify(skipped) {
      if (skipped.length === 0) return;
      const added = skipped.map((s) => ({ ...s, id: ++noticeSeq }));
      // The newest first; a long session keeps the last 50.
      set({ notices: [...added.reverse(), ...get().notices].slice(0, 50) });
    },
    dismiss(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    setStack(stack) {
      set({ stack });
    },
    setEntry(entry) {
      set({ entry });
    },
  }));

/** The window's one scan session. */
export const useScanSession = createScanSession();
