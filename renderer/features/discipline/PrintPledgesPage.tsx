import { useEffect, useMemo, useRef, useState } from 'react';
import { currentMeeting, useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { PrintPage } from '../../components/print/PrintPage.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { formatTime, safeFileName } from '../../lib/paths.js';
import { imagesDecoded } from '../../lib/print.js';
import { usePaperSeal } from '../results/useFormView.js';
import { type PledgeRosterData, PledgeRosterForm } from './PledgeRosterForm.js';
import { signatureKey, signedPledges, useDisciplineTexts, usePledgeSummary, useSignatures } from './store.js';

/**
 * What a print route about one meeting (`?meeting=ID`, else the current one) needs besides
 * its form's data: the congress, the meeting, the seal for the foot, and the PDF's name (the
 * meeting's name and the form's title).
 */
export function useMeetingPaper(title: MessageKey, fallbackPdf: string) {
  const t = useT();
  const query = useRoute((s) => s.query);
  const current = useCongress(currentMeeting);
  const congress = useCongress((s) => s.file?.congress ?? null);
  const meetings = useCongress((s) => s.meetings);
  const { seal, settled } = usePaperSeal();
  const requested = Number(query.meeting);
  const meetingId = Number.isInteger(requested) && requested > 0 ? requested : (current?.id ?? null);
  const meeting = meetings.find((m) => m.id === meetingId) ?? null;
  const pdfName = meeting ? `${safeFileName(`${meeting.name}-${t(title)}`)}.pdf` : fallbackPdf;
  return { t, congress, meetingId, meeting, seal, settled, pdfName };
}

/** When a form is printed, as its foot says. */
export const printedNow = (): string => formatTime(new Date().toISOString());

/**
 * `#/print/pledges?meeting=ID`: 严肃换届纪律承诺书签署名册 alone, every signature image in
 * place. `data-ready` says when it is filled and the images are decoded.
 */
export function PrintPledgesPage() {
  const { t, congress, meetingId, meeting, seal, settled, pdfName } = useMeetingPaper(
    'pledge.roster.title',
    'pledges.pdf',
  );
  const { data: summary, error: loadError } = usePledgeSummary(meetingId);
  const texts = useDisciplineTexts();
  const text = texts.data?.pledge ?? null;

  const signed = useMemo(() => signedPledges(summary), [summary]);
  const { signatures, complete, error: signaturesError } = useSignatures(signed);

  const data = useMemo((): PledgeRosterData | null => {
    if (!congress || !meeting || !summary || !text || !complete) return null;
    if (!signed.every((p) => signatures.has(signatureKey(p)))) return null;
    return { congress, meeting, summary, text, signatures, seal, printedAt: printedNow() };
  }, [congress, meeting, summary, text, complete, signed, signatures, seal]);

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
