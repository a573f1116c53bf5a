import { type ReactNode, useEffect, useMemo } from 'react';
import type { AppError } from '../../../core/result.js';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import type { PaperSeal } from '../../components/print/PaperFooter.js';
import { formatTime, safeFileName } from '../../lib/paths.js';
import type { PrintPage } from '../../lib/print.js';
import { roundLabel } from '../contests/labels.js';
import { AttendanceForm } from './AttendanceForm.js';
import { BallotsForm } from './BallotsForm.js';
import { CountForm } from './CountForm.js';
import { ElectionForm } from './ElectionForm.js';
import { type FormSubject, useForms } from './forms-store.js';
import { useReport } from './report-store.js';
import { useResults } from './store.js';
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
 * The key's fingerprint and the result's short hash for the foot of a form. `settled` once
 * the backend has answered, either way: a form whose key cannot be read still prints, with
 * those lines blank.
 */
export function usePaperSeal(): { seal: PaperSeal | null; settled: boolean } {
  const status = useResults((s) => s.status);
  const error = useResults((s) => s.statusError);
  useEffect(() => useResults.getState().watchStatus(), []);
  const seal = useMemo(
    () => (status ? { fingerprint: status.fingerprint, shortHash: status.shortHash, final: status.ready } : null),
    [status],
  );
  return { seal, settled: status !== null || error !== null };
}

/** What the forms store loads for a form (the attendance form has its own store). */
const SUBJECT_OF: Record<FormKind, FormSubject['kind'] | null> = {
  attendance: null,
  ballots: 'meeting',
  count: 'round',
  election: 'contest',
};

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
  const attendanceError = useReport((s) => s.loadError);

  const subjectKind = kind === null ? null : SUBJECT_OF[kind];
  useEffect(
    () => (subjectKind === null || id === null ? undefined : useForms.getState().watch({ kind: subjectKind, id })),
    [subjectKind, id],
  );
  const contestLists = useForms((s) => s.contestLists);
  const details = useForms((s) => s.details);
  const results = useForms((s) => s.results);
  const officials = useForms((s) => s.officials);
  const approvals = useForms((s) => s.approvals);
  const summaries = useForms((s) => s.summaries);
  const errors = useForms((s) => s.errors);

  return useMemo((): FormView => {
    const none = (error: AppError | null = null): FormView => ({
      ready: false,
      form: null,
      error,
      pdfName: 'form.pdf',
    });
    if (kind === null || id === null) return none();
    const printedAt = formatTime(new Date().toISOString());
    const error = subjectKind === null ? attendanceError : (errors[`${subjectKind}:${id}`] ?? null);
    const view = (form: ReactNode, pdfName: string): FormView => ({ ready: settled, form, error: null, pdfName });
    if (!congress) return none(error);

    switch (kind) {
      case 'attendance': {
        if (!attendance) return none(error);
        return view(
          <AttendanceForm data={{ ...attendance, seal }} t={t} />,
          pdfFile(attendance.meeting.name, t('report.title')),
        );
      }
      case 'ballots': {
        const meeting = meetings.find((m) => m.id === id);
        const list = contestLists[id];
        const summary = summaries[id];
        if (!meeting || !list || !summary) return none(error);
        const contests = list.flatMap((c) => (details[c.id] ? [details[c.id]!] : []));
        if (contests.length !== list.length) return none(error);
        return view(
          <BallotsForm data={{ congress, meeting, summary, contests, seal, printedAt }} t={t} />,
          pdfFile(meeting.name, t('ballotsForm.title')),
        );
      }
      case 'count': {
        const result = results[id];
        const detail = result ? details[result.round.contestId] : undefined;
        const meeting = detail ? meetings.find((m) => m.id === detail.contest.meetingId) : undefined;
        const named = detail ? officials[detail.contest.id] : undefined;
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
        const detail = details[id];
        const meeting = detail ? meetings.find((m) => m.id === detail.contest.meetingId) : undefined;
        const named = officials[id];
        if (!detail || !meeting || !named) return none(error);
        const counted = detail.rounds.filter((r) => r.status === 'voting' || r.status === 'closed');
        if (!counted.every((r) => results[r.id])) return none(error);
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
    subjectKind,
    t,
    congress,
    meetings,
    seal,
    settled,
    attendance,
    attendanceError,
    contestLists,
    details,
    results,
    officials,
    approvals,
    summaries,
    errors,
  ]);
}
