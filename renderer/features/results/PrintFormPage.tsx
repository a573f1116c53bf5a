import { currentMeeting, useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { type Page, useRoute } from '../../app/route.js';
import { PrintPage } from '../../components/print/PrintPage.js';
import { type FormKind, useFormView } from './useFormView.js';

/** The print routes of rule 11's forms and the query parameter that names what each is about. */
const ROUTES: Partial<Record<Page, { kind: FormKind; param: string; current?: boolean }>> = {
  'print/attendance': { kind: 'attendance', param: 'meeting', current: true },
  'print/ballots': { kind: 'ballots', param: 'meeting', current: true },
  'print/count': { kind: 'count', param: 'round' },
  'print/election': { kind: 'election', param: 'contest' },
};

/**
 * `#/print/attendance?meeting=ID`, `#/print/ballots?meeting=ID` (the current meeting when
 * none is named), `#/print/count?round=ID`, `#/print/election?contest=ID`: one paper form
 * alone, with Print and Save as PDF, for its own window and for `page.pdf()`.
 */
export function PrintFormPage() {
  const t = useT();
  const page = useRoute((s) => s.page);
  const query = useRoute((s) => s.query);
  const current = useCongress(currentMeeting);
  const route = ROUTES[page];
  const requested = route ? Number(query[route.param]) : Number.NaN;
  const id = Number.isInteger(requested) && requested > 0 ? requested : route?.current ? (current?.id ?? null) : null;
  const view = useFormView(route?.kind ?? null, id);
  const badLink =
    route && !route.current && id === null ? { code: 'invalid_input' as const, message: t('forms.badLink') } : null;
  return <PrintPage ready={view.ready} form={view.form} error={view.error ?? badLink} pdfName={view.pdfName} />;
}
