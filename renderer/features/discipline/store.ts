import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { create } from 'zustand';
import type { Output } from '../../../core/contract.js';
import type { DisciplineTextKind } from '../../../core/discipline.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { CallFailed, callOptions, fetchCall, queryClient, queryKey, useCall } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import { forgetWithCongress } from '../../app/forget.js';

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

function rememberLeader(leader: string): string | null {
  try {
    if (leader) window.localStorage.setItem(LEADER_KEY, leader);
  } catch {
    // not remembered
  }
  return leader || null;
}

/**
 * The oath of election discipline and the pledges (issue 5), client side: only what the oath
 * panel's leader field holds before the oath is recorded. The texts, the oath record, the pledge
 * summary and the signatures are server data, read with the hooks below through the fetch layer.
 */
interface DisciplineStore {
  leaderDraft: string;
  setLeaderDraft(leader: string): void;
  /** The congress closed: nothing of it stays (the leader typed stays remembered on the machine). */
  reset(): void;
}

export const useDiscipline = create<DisciplineStore>()((set) => ({
  leaderDraft: rememberedLeader(),
  setLeaderDraft(leader) {
    set({ leaderDraft: leader });
  },
  reset() {
    set({ leaderDraft: rememberedLeader() });
  },
}));
// The congress closed or another opened: the leader typed goes back to the one remembered.
forgetWithCongress(() => useDiscipline.getState().reset());

/** The current oath and pledge texts (with their versions), while a congress is open. */
export function useDisciplineTexts(enabled = true) {
  const open = useCongress((s) => s.file !== null);
  return useCall('discipline.texts', open && enabled ? {} : null);
}

export const useOath = (meetingId: number | null) => useCall('oath.get', meetingId === null ? null : { meetingId });

export const usePledgeSummary = (meetingId: number | null) =>
  useCall('pledges.summary', meetingId === null ? null : { meetingId });

/** A write's answer shown at once; the change event's re-read confirms it. */
const showOath = (r: Result<Oath>): Result<Oath> => {
  if (r.ok) queryClient.setQueryData(queryKey('oath.get', { meetingId: r.value.meetingId }), r.value);
  return r;
};

/** A pledge refused for the text version shown: the text changed under the clerk, show the new one. */
const afterPledge = <T>(r: Result<T>): Result<T> => {
  if (!r.ok && r.error.field === 'textId') void queryClient.invalidateQueries({ queryKey: ['discipline.texts'] });
  return r;
};

export async function setText(kind: DisciplineTextKind, body: string): Promise<Result<DisciplineText>> {
  const r = await invoke('discipline.setText', { kind, body });
  if (r.ok) {
    queryClient.setQueryData<DisciplineTexts>(queryKey('discipline.texts', {}), (texts) =>
      texts ? { ...texts, [kind]: r.value } : texts,
    );
  }
  return r;
}

export async function startOath(meetingId: number): Promise<Result<Oath>> {
  const leader = rememberLeader(useDiscipline.getState().leaderDraft.trim());
  return showOath(await invoke('oath.start', { meetingId, leader }));
}

export async function finishOath(oathId: number): Promise<Result<Oath>> {
  const leader = rememberLeader(useDiscipline.getState().leaderDraft.trim());
  return showOath(await invoke('oath.finish', { oathId, leader }));
}

export async function addLatecomer(oathId: number, delegateId: number): Promise<Result<Oath>> {
  return showOath(await invoke('oath.addLatecomer', { oathId, delegateId }));
}

export async function signPledge(
  delegateId: number,
  meetingId: number | null,
  textId: number,
  pngBase64: string,
): Promise<Result<Pledge>> {
  return afterPledge(await invoke('pledges.sign', { delegateId, meetingId, textId, signaturePngBase64: pngBase64 }));
}

export async function refusePledge(
  delegateId: number,
  meetingId: number | null,
  textId: number,
  note: string | null,
): Promise<Result<Pledge>> {
  return afterPledge(await invoke('pledges.refuse', { delegateId, meetingId, textId, note }));
}

export async function withdrawPledge(pledgeId: number, reason: string): Promise<Result<Pledge>> {
  return afterPledge(await invoke('pledges.withdraw', { pledgeId, reason }));
}

/** The delegate's current pledge (latest not withdrawn), or null. */
export async function currentPledge(delegateId: number): Promise<Result<Pledge | null>> {
  const r = await fetchCall('pledges.history', { delegateId });
  if (!r.ok) return r;
  return { ok: true, value: r.value.filter((p) => p.withdrawn === null).at(-1) ?? null };
}

export type SignedPledge = Pick<Pledge, 'id' | 'at'>;

/**
 * A signature image's key: the pledge id and its time, so that an image of a pledge since
 * withdrawn and signed again (a new id, a new time) is never shown for the other.
 */
export const signatureKey = (pledge: SignedPledge): string => `${pledge.id}@${pledge.at}`;

/** The signed pledges in a summary, in its row order. */
export const signedPledges = (summary: PledgeSummary | null | undefined): SignedPledge[] =>
  summary ? summary.rows.flatMap((r) => (r.pledge?.status === 'signed' ? [r.pledge] : [])) : [];

/** `pledges.signatures` takes up to 5,000 ids; smaller batches keep each answer modest. */
export const SIGNATURE_BATCH = 200;

export function signatureBatches(pledges: readonly SignedPledge[]): number[][] {
  const batches: number[][] = [];
  for (let i = 0; i < pledges.length; i += SIGNATURE_BATCH) {
    batches.push(pledges.slice(i, i + SIGNATURE_BATCH).map((p) => p.id));
  }
  return batches;
}

/**
 * The signature images (PNG base64) of these pledges by `signatureKey`, for the printed roster;
 * `complete` once every batch has answered.
 */
export function useSignatures(pledges: readonly SignedPledge[]): {
  signatures: Map<string, string>;
  complete: boolean;
  error: AppError | null;
} {
  const batches = useMemo(() => signatureBatches(pledges), [pledges]);
  const answers = useQueries({ queries: batches.map((pledgeIds) => callOptions('pledges.signatures', { pledgeIds })) });
  const failed = answers.find((a) => a.error)?.error ?? null;
  // Each batch's answer is new when its time is: the images are put together again only then.
  const answered = answers.map((a) => a.dataUpdatedAt).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `answered` stands for the answers
  return useMemo(() => {
    const images = new Map<number, string>();
    for (const a of answers) for (const s of a.data ?? []) images.set(s.pledgeId, s.pngBase64);
    const signatures = new Map<string, string>();
    for (const p of pledges) {
      const png = images.get(p.id);
      if (png !== undefined) signatures.set(signatureKey(p), png);
    }
    return {
      signatures,
      complete: answers.every((a) => a.data !== undefined),
      error: failed instanceof CallFailed ? failed.error : null,
    };
  }, [pledges, failed, answered]);
}
