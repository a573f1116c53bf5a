import { useMemo } from 'react';
import { useCall } from '../../api/queries.js';
import { PrintPage } from '../../components/print/PrintPage.js';
import { printedNow, useMeetingPaper } from '../discipline/PrintPledgesPage.js';
import { useDelegates } from '../roster/delegates.js';
import { type SigninData, SigninForm } from './SigninForm.js';
import { signinGroups } from './sheet.js';

/**
 * `#/print/signin?meeting=ID` (else the current meeting): 签到表 by delegation, for a venue
 * that wants paper beside the desk. At a plenary, its members only (attendance.summary's
 * `memberIds`); at a congress session, the whole roster, 列席 and 候补 included.
 */
export function PrintSigninPage() {
  const { t, congress, meetingId, meeting, seal, settled, pdfName } = useMeetingPaper('signin.title', 'signin.pdf');
  const roster = useDelegates();
  const summary = useCall('attendance.summary', meetingId === null ? null : { meetingId });
  const data = useMemo((): SigninData | null => {
    if (!congress || !meeting || !roster.loaded || !summary.data) return null;
    const groups = signinGroups(roster.delegates, summary.data.memberIds);
    return { congress, meeting, groups, seal, printedAt: printedNow() };
  }, [congress, meeting, roster.loaded, roster.delegates, summary.data, seal]);
  return (
    <PrintPage
      ready={data !== null && settled}
      form={data && <SigninForm data={data} t={t} />}
      error={roster.error ?? summary.error}
      pdfName={pdfName}
    />
  );
}
