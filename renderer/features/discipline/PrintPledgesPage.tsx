import { useEffect, useMemo, useRef, useState } from 'react';
import { currentMeeting, useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { PrintPage } from '../../components/print/PrintPage.js';
import { formatTime, safeFileName } from '../../lib/paths.js';
import { imagesDecoded } from '../../lib/print.js';
import { usePaperSeal } from '../results/useFormView.js';
import { type PledgeRosterData, PledgeRosterForm } from './PledgeRosterForm.js';
import { signatureKey, signedPledges, useDisciplineTexts, usePledgeSummary, useSignatures } from './store.js';

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
  const { data: summary, error: loadError } = usePledgeSummary(meetingId);
  const texts = useDisciplineTexts();
  const text = texts.data?.pledge ?? null;
  const { seal, settled } = usePaperSeal();

  const signed = useMemo(() => signedPledges(summary), [summary]);
  const { signatures, complete, error: signaturesError } = useSignatures(signed);

  const data = useMemo((): PledgeRosterData | null => {
    const meeting = meetings.find((m) => m.id === meetingId);
    if (!congress || !meeting || !summary || !text || !complete) return null;
    if (!signed.every((p) => signatures.has(signatureKey(p)))) return null;
    return { congress, meeting, summary, text, signatures, seal, printedAt: formatTime(new Date().toISOString()) };
  }, [congress, meetings, meetingId, summary, text, complete, signed, signatures, seal]);

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
      error={loadError ?? texts.error ?? signaturesError}
      pdfName={pdfName}
    />
  );
}
