import { type ReactNode, useMemo } from 'react';
import type { AppError } from '../../../core/result.js';
import { useCall } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import type { PaperSeal } from '../../components/print/PaperFooter.js';
import { formatTime, safeFileName } from '../../lib/paths.js';
import type { PrintPage } from '../../lib/print.js';
import { roundLabel } from '../contests/labels.js';
import { useContestList, useRoundResults } from '../contests/queries.js';
import { isCounted } from '../contests/store.js';
import { AttendanceForm } from './AttendanceForm.js';
import { BallotsForm } from './BallotsForm.js';
import { CountForm } from './CountForm.js';
import { ElectionForm } from './ElectionForm.js';
import { useResultStatus } from './store.js';
import { useReportData } from './useReportData.js';

export const FORM_KINDS = ['attendance', 'ballots', 'count', 'election'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/**
 * One of rule 11's paper forms, and what it is about: `id` is the meeting's (attendance,
 * ballots), the round's (count) or the contest's (election).
 */
export interface FormSpec {
  kind: FormKind;
  id: number;
}

/** The print route of a form and its query, for `openPrintWindow`. */
export function printRouteOf(spec: FormSpec): { page: PrintPage; query: Record<string, string> } {
  const id = String(spec.id);
  switch (spec.kind) {
    case 'attendance':
      return { page: 'print/attendance', query: { meeting: id } };
    case 'ballots':
      return { page: 'print/ballots', query: { meeting: id } };
    case 'count':
      return { page: 'print/count', query: { round: id } };
    case 'election':
      return { page: 'print/election', query: { contest: id } };
  }
}

/**
 * The key's fingerprint, the result's full hash and the audit head for the foot of a form. `settled` once
 * the backend has answered, either way: a form whose key cannot be read still prints, with
 * those lines blank.
 */
export function usePaperSeal(): { seal: PaperSeal | null; settled: boolean } {
  const { data: status, error } = useResultStatus();
  const seal = useMemo(
    () =>
      status
        ? { fingerprint: status.fingerprint, hash: status.contentHash, audit: status.auditHead, final: status.ready }
        : null,
    [status],
  );
  return { seal, settled: status !== undefined || error !== null };
}

/**
 * A contest as its forms show it (rule 11, 13, 14): candidates and rounds, each counted round's
 * result, the officials who sign, and which plenary approved which.
 */
function useContestForms(contestId: number | null) {
  const input = contestId === null ? null : { contestId };
  const detail = useCall('contests.get', input);
  const officials = useCall('officials.list', input);
  const approvals = useCall('meetings.approvals', contestId === null ? null : {});
  const counted = useMemo(() => (detail.data?.rounds ?? []).filter(isCounted), [detail.data]);
  const tallies = useRoundResults(counted);
  const { results } = tallies;
  const error = detail.error ?? officials.error ?? approvals.error ?? tallies.error;
  return useMemo(
    () => ({
      detail: detail.data,
      officials: officials.data,
      approvals: approvals.data,
      results,
      complete: tallies.complete,
      error,
    }),
    [detail.data, officials.data, approvals.data, results, tallies.complete, error],
  );
}

export interface FormView {
  /** Filled, and the seal known: ready for the printer and `page.pdf()`. */
  ready: boolean;
  form: ReactNode | null;
  error: AppError | null;
  /** A file name for Save as PDF: what the form is about and its title. */
  pdfName: string;
}

const pdfFile = (...parts: string[]): string => `${safeFileName(parts.filter(Boolean).join('-'))}.pdf`;

/**
 * Everything one paper form needs, loaded and watched while shown, and the form itself: the
 * print routes and the report page's preview show the same thing.
 */
export function useFormView(kind: FormKind | null, id: number | null): FormView {
  const t = useT();
  const congress = useCongress((s) => s.file?.congress ?? null);
  const meetings = useCongress((s) => s.meetings);
  const { seal, settled } = usePaperSeal();

  const attendance = useReportData(kind === 'attendance' ? id : null);
  const meetingId = kind === 'ballots' ? id : null;
  const ballots = useContestList(meetingId);
  const ballotsSummary = useCall('attendance.summary', meetingId === null ? null : { meetingId });
  const round = useCall('rounds.result', kind === 'count' && id !== null ? { roundId: id } : null);
  const contestId = kind === 'election' ? id : kind === 'count' ? (round.data?.round.contestId ?? null) : null;
  const contest = useContestForms(contestId);

  return useMemo((): FormView => {
    const none = (error: AppError | null = null): FormView => ({
      ready: false,
      form: null,
      error,
      pdfName: 'form.pdf',
    });
    if (kind === null || id === null) return none();
    const printedAt = formatTime(new Date().toISOString());
    const error =
      kind === 'attendance'
        ? attendance.error
        : kind === 'ballots'
          ? (ballots.error ?? ballotsSummary.error)
          : kind === 'count'
            ? (round.error ?? contest.error)
            : contest.error;
    const view = (form: ReactNode, pdfName: string): FormView => ({ ready: settled, form, error: null, pdfName });
    if (!congress) return none(error);

    switch (kind) {
      case 'attendance': {
        const data = attendance.data;
        if (!data) return none(error);
        return view(<AttendanceForm data={{ ...data, seal }} t={t} />, pdfFile(data.meeting.name, t('report.title')));
      }
      case 'ballots': {
        const meeting = meetings.find((m) => m.id === id);
        const summary = ballotsSummary.data;
        if (!meeting || !ballots.loaded || !summary) return none(error);
        const contests = ballots.details.flatMap((d) => (d ? [d] : []));
        if (contests.length !== ballots.contests.length) return none(error);
        return view(
          <BallotsForm data={{ congress, meeting, summary, contests, seal, printedAt }} t={t} />,
          pdfFile(meeting.name, t('ballotsForm.title')),
        );
      }
      case 'count': {
        const result = round.data;
        const detail = contest.detail;
        const meeting = detail ? meetings.find((m) => m.id === detail.contest.meetingId) : undefined;
        const named = contest.officials;
        if (!result || !detail || !meeting || !named) return none(error);
        return view(
          <CountForm
            data={{
              congress,
              meeting,
              contest: detail.contest,
              candidates: detail.candidates,
              result,
              officials: named,
              seal,
              printedAt,
            }}
            t={t}
          />,
          pdfFile(detail.contest.title, roundLabel(t, result.round), t('countForm.title')),
        );
      }
      case 'election': {
        const { detail, results, approvals } = contest;
        const meeting = detail ? meetings.find((m) => m.id === detail.contest.meetingId) : undefined;
        const named = contest.officials;
        if (!detail || !meeting || !named || !approvals || !contest.complete) return none(error);
        if (!detail.rounds.filter(isCounted).every((r) => results[r.id])) return none(error);
        const approval = approvals.find((a) => a.approvedMeetingId === meeting.id);
        const approvedBy = approval
          ? {
              meeting: meetings.find((m) => m.id === approval.meetingId)?.name ?? String(approval.meetingId),
              note: approval.note,
            }
          : null;
        return view(
          <ElectionForm
            data={{ congress, meeting, detail, results, officials: named, approvedBy, seal, printedAt }}
            t={t}
          />,
          pdfFile(detail.contest.title, t('electionForm.title')),
        );
      }
    }
  }, [
    kind,
    id,
    t,
    congress,
    meetings,
    seal,
    settled,
    attendance,
    ballots,
    ballotsSummary.data,
    ballotsSummary.error,
    round.data,
    round.error,
    contest,
  ]);
}
