import { useEffect, useMemo, useRef, useState } from 'react';
import { currentMeeting, useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { PrintPage } from '../../components/print/PrintPage.js';
import { formatTime, safeFileName } from '../../lib/paths.js';
import { imagesDecoded } from '../../lib/print.js';
import { usePaperSeal } from '../results/useFormView.js';
import { type PledgeRosterData, PledgeRosterForm } from './PledgeRosterForm.js';
import { signatureKey, signedPledges, useDiscipline } from './store.js';

/** The meeting a print route is about: `?meeting=ID`, else the current one. */
export function usePrintMeetingId(): number | null {
  const query = useRoute((s) => s.query);
  const current = useCongress(currentMeeting);
  const requested = Number(query.meeting);
  return Number.isInteger(requested) && requested > 0 ? requested : (current?.id ?? null);
}

/**
 * `#/print/pledges?meeting=ID`: 严肃换届纪律承诺书签署名册 alone, every signature image in
 * place. `data-ready` says when it is filled and the images are decoded.
 */
export function PrintPledgesPage() {
  const t = useT();
  const congress = useCongress((s) => s.file?.congress ?? null);
  const meetings = useCongress((s) => s.meetings);
  const meetingId = usePrintMeetingId();
  const storeMeeting = useDiscipline((s) => s.meetingId);
  const summary = useDiscipline((s) => s.summary);
  const text = useDiscipline((s) => s.texts?.pledge ?? null);
  const signatures = useDiscipline((s) => s.signatures);
  const loadError = useDiscipline((s) => s.loadError);
  const signaturesError = useDiscipline((s) => s.signaturesError);
  const { seal, settled } = usePaperSeal();

  useEffect(() => (meetingId === null ? undefined : useDiscipline.getState().watch(meetingId)), [meetingId]);
  const signed = useMemo(
    () => (storeMeeting === meetingId ? signedPledges(summary) : []),
    [summary, storeMeeting, meetingId],
  );
  useEffect(() => {
    if (signed.length > 0) void useDiscipline.getState().loadSignatures(signed);
  }, [signed]);

  const data = useMemo((): PledgeRosterData | null => {
    const meeting = meetings.find((m) => m.id === meetingId);
    if (!congress || !meeting || !summary || storeMeeting !== meetingId || !text) return null;
    if (!signed.every((p) => signatures.has(signatureKey(p)))) return null;
    return { congress, meeting, summary, text, signatures, seal, printedAt: formatTime(new Date().toISOString()) };
  }, [congress, meetings, meetingId, summary, storeMeeting, text, signed, signatures, seal]);

  const sheet = useRef<HTMLDivElement>(null);
  const [decoded, setDecoded] = useState<PledgeRosterData | null>(null);
  useEffect(() => {
    let live = true;
    if (data) void imagesDecoded(sheet.current).then(() => live && setDecoded(data));
    return () => {
      live = false;
    };
  }, [data]);
  const ready = data !== null && decoded === data && settled;

  const pdfName = data ? `${safeFileName(`${data.meeting.name}-${t('pledge.roster.title')}`)}.pdf` : 'pledges.pdf';
  return (
    <PrintPage
      ready={ready}
      form={
        data && (
          <div ref={sheet}>
            <PledgeRosterForm data={data} t={t} />
          </div>
        )
      }
      error={loadError ?? signaturesError}
      pdfName={pdfName}
    />
  );
}
