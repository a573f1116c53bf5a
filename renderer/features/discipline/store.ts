import { create } from 'zustand';
import type { Output } from '../../../core/contract.js';
import type { DisciplineTextKind } from '../../../core/discipline.js';
import type { ChangeEvent } from '../../../core/domain.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { coalesce } from '../../lib/coalesce.js';

export type DisciplineTexts = Output<'discipline.texts'>;
export type DisciplineText = DisciplineTexts['oath'];
export type Oath = NonNullable<Output<'oath.get'>>;
export type PledgeSummary = Output<'pledges.summary'>;
export type PledgeRow = PledgeSummary['rows'][number];
export type Pledge = Output<'pledges.sign'>;
export type DelegateBrief = PledgeRow['delegate'];

/** The leader typed last on this machine: the next meeting's oath is usually led by the same person. */
const LEADER_KEY = 'congress-desk.oathLeader';

function rememberedLeader(): string {
  try {
    return window.localStorage.getItem(LEADER_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberLeader(leader: string): void {
  try {
    if (leader) window.localStorage.setItem(LEADER_KEY, leader);
  } catch {
    // not remembered
  }
}

/** `pledges.signatures` takes up to 5,000 ids; smaller batches keep each answer modest. */
const SIGNATURE_BATCH = 200;

/**
 * The oath of election discipline and the pledges (issue 5): the current texts, and for
 * one meeting the oath record and the pledge summary. Views that show the meeting's data
 * `watch` it; change events re-fetch only while someone watches.
 */
interface DisciplineStore {
  texts: DisciplineTexts | null;
  textsError: AppError | null;
  meetingId: number | null;
  oath: Oath | null;
  /** `oath` is the answer for `meetingId` (null then means "no oath yet"). */
  oathLoaded: boolean;
  summary: PledgeSummary | null;
  loadError: AppError | null;
  /** Signature images (PNG base64) by `signatureKey`, for the printed roster. */
  signatures: Map<string, string>;
  signaturesError: AppError | null;
  /** What the oath panel's leader field holds before the oath is recorded. */
  leaderDraft: string;
  setLeaderDraft(leader: string): void;

  loadTexts(): Promise<void>;
  /** Shows one meeting's oath and pledges; returns the "stop watching" function. */
  watch(meetingId: number): () => void;
  refresh(): Promise<void>;
  onChange(event: ChangeEvent): void;

  setText(kind: DisciplineTextKind, body: string): Promise<Result<DisciplineText>>;
  startOath(): Promise<Result<Oath>>;
  finishOath(): Promise<Result<Oath>>;
  addLatecomer(delegateId: number): Promise<Result<Oath>>;
  sign(delegateId: number, meetingId: number | null, textId: number, pngBase64: string): Promise<Result<Pledge>>;
  refuse(delegateId: number, meetingId: number | null, textId: number, note: string | null): Promise<Result<Pledge>>;
  withdraw(pledgeId: number, reason: string): Promise<Result<Pledge>>;
  /** The delegate's current pledge (latest not withdrawn), or null; asked of the backend. */
  currentPledge(delegateId: number): Promise<Result<Pledge | null>>;
  loadSignatures(pledges: readonly SignedPledge[]): Promise<void>;
  /** The congress closed: nothing of it stays. */
  reset(): void;
}

let watchers = 0;

export const useDiscipline = create<DisciplineStore>()((set, get) => {
  const fetchTexts = coalesce(async () => {
    const r = await invoke('discipline.texts', {});
    if (r.ok) set({ texts: r.value, textsError: null });
    else set({ textsError: r.error });
  });

  const fetchOath = coalesce(async () => {
    const meetingId = get().meetingId;
    if (meetingId === null) return;
    const r = await invoke('oath.get', { meetingId });
    if (get().meetingId !== meetingId) return;
    if (r.ok) set({ oath: r.value, oathLoaded: true });
    else set({ loadError: r.error });
  });

  const fetchSummary = coalesce(async () => {
    const meetingId = get().meetingId;
    if (meetingId === null) return;
    const r = await invoke('pledges.summary', { meetingId });
    if (get().meetingId !== meetingId) return;
    if (r.ok) set({ summary: r.value, loadError: null });
    else set({ loadError: r.error });
  });

  const refreshAll = async () => {
    await Promise.all([fetchTexts(), fetchOath(), fetchSummary()]);
  };

  const afterOath = (r: Result<Oath>): Result<Oath> => {
    if (r.ok && r.value.meetingId === get().meetingId) set({ oath: r.value, oathLoaded: true });
    return r;
  };

  const afterPledge = <T>(r: Result<T>): Result<T> => {
    if (watchers > 0) void fetchSummary();
    // The text changed under the clerk: show the new one.
    if (!r.ok && r.error.field === 'textId') void fetchTexts();
    return r;
  };

  return {
    texts: null,
    textsError: null,
    meetingId: null,
    oath: null,
    oathLoaded: false,
    summary: null,
    loadError: null,
    signatures: new Map(),
    signaturesError: null,
    leaderDraft: rememberedLeader(),
    setLeaderDraft(leader) {
      set({ leaderDraft: leader });
    },

    loadTexts: fetchTexts,
    watch(meetingId) {
      watchers += 1;
      if (get().meetingId !== meetingId) {
        set({ meetingId, oath: null, oathLoaded: false, summary: null, loadError: null });
      }
      void refreshAll();
      return () => {
        watchers = Math.max(0, watchers - 1);
      };
    },
    refresh: refreshAll,
    onChange(event) {
      switch (event.topic) {
        case 'discipline':
          if (get().texts) void fetchTexts();
          if (watchers > 0) void refreshAll();
          break;
        case 'attendance':
        case 'roster':
          // Who is present (the latecomers to choose from) and who is on leave or absent.
          if (watchers > 0 && (event.meetingId === undefined || event.meetingId === get().meetingId)) {
            void fetchSummary();
          }
          break;
        case 'congress':
          // Another congress may have been opened (signatures are keyed so as not to mix).
          if (watchers > 0) void refreshAll();
          else if (get().texts) void fetchTexts();
          break;
        default:
          break;
      }
    },

    async setText(kind, body) {
      const r = await invoke('discipline.setText', { kind, body });
      if (r.ok) {
        const texts = get().texts;
        if (texts) set({ texts: { ...texts, [kind]: r.value } });
        void fetchTexts();
      }
      return r;
    },
    async startOath() {
      const meetingId = get().meetingId;
      if (meetingId === null) return { ok: false, error: { code: 'invalid_input', message: '' } };
      const leader = get().leaderDraft.trim();
      rememberLeader(leader);
      return afterOath(await invoke('oath.start', { meetingId, leader: leader || null }));
    },
    async finishOath() {
      const oath = get().oath;
      if (!oath) return { ok: false, error: { code: 'invalid_input', message: '' } };
      const leader = get().leaderDraft.trim();
      rememberLeader(leader);
      return afterOath(await invoke('oath.finish', { oathId: oath.id, leader: leader || null }));
    },
    async addLatecomer(delegateId) {
      const oath = get().oath;
      if (!oath) return { ok: false, error: { code: 'invalid_input', message: '' } };
      return afterOath(await invoke('oath.addLatecomer', { oathId: oath.id, delegateId }));
    },
    async sign(delegateId, meetingId, textId, pngBase64) {
      return afterPledge(
        await invoke('pledges.sign', { delegateId, meetingId, textId, signaturePngBase64: pngBase64 }),
      );
    },
    async refuse(delegateId, meetingId, textId, note) {
      return afterPledge(await invoke('pledges.refuse', { delegateId, meetingId, textId, note }));
    },
    async withdraw(pledgeId, reason) {
      return afterPledge(await invoke('pledges.withdraw', { pledgeId, reason }));
    },
    async currentPledge(delegateId) {
      const r = await invoke('pledges.history', { delegateId });
      if (!r.ok) return r;
      const current = r.value.filter((p) => p.withdrawn === null).at(-1) ?? null;
      return { ok: true, value: current };
    },
    async loadSignatures(pledges) {
      const have = get().signatures;
      const missing = pledges.filter((p) => !have.has(signatureKey(p)));
      for (let i = 0; i < missing.length; i += SIGNATURE_BATCH) {
        const batch = missing.slice(i, i + SIGNATURE_BATCH);
        const r = await invoke('pledges.signatures', { pledgeIds: batch.map((p) => p.id) });
        if (!r.ok) {
          set({ signaturesError: r.error });
          return;
        }
        const images = new Map(r.value.map((s) => [s.pledgeId, s.pngBase64]));
        const next = new Map(get().signatures);
        for (const p of batch) {
          const png = images.get(p.id);
          if (png !== undefined) next.set(signatureKey(p), png);
        }
        set({ signatures: next, signaturesError: null });
      }
    },
    reset() {
      set({
        texts: null,
        textsError: null,
        meetingId: null,
        oath: null,
        oathLoaded: false,
        summary: null,
        loadError: null,
        signatures: new Map(),
        signaturesError: null,
      });
    },
  };
});

export type SignedPledge = Pick<Pledge, 'id' | 'at'>;

/**
 * A signature image's key: the pledge id and its time, so that an image kept from another
 * congress file (where the same id may exist) is never shown for this one.
 */
export const signatureKey = (pledge: SignedPledge): string => `${pledge.id}@${pledge.at}`;

/** The signed pledges in a summary, in its row order. */
export const signedPledges = (summary: PledgeSummary | null): SignedPledge[] =>
  summary ? summary.rows.flatMap((r) => (r.pledge?.status === 'signed' ? [r.pledge] : [])) : [];
