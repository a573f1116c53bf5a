import { Spin } from 'antd';
import type { ReactNode } from 'react';
import type { AppError } from '../../../core/result.js';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { joinPath } from '../../lib/paths.js';
import { ErrorAlert } from '../ErrorAlert.js';
import styles from './Paper.module.css';
import { PrintToolbar } from './PrintToolbar.js';

/**
 * A print route's window: the toolbar and the paper form alone, no app chrome, for the print
 * dialog and for `page.pdf()` in the end-to-end tests. `data-ready` says when it is filled.
 * Until then: the error, "no congress open", `notice` (e.g. no oath yet), or a spinner.
 */
export function PrintPage(props: {
  ready: boolean;
  /** The form, once its data is in; null while loading. */
  form: ReactNode | null;
  error: AppError | null;
  pdfName: string;
  notice?: ReactNode;
}) {
  const t = useT();
  const status = useCongress((s) => s.status);
  const openError = useCongress((s) => s.openError);
  const hasCongress = useCongress((s) => s.file !== null);
  const defaultDirectory = useCongress((s) => s.info?.defaultDirectory ?? '');
  const error = props.error ?? openError;
  return (
    <main className={styles.printPage} data-testid="print-page" data-ready={props.ready}>
      <PrintToolbar ready={props.ready} pdfPath={joinPath(defaultDirectory, props.pdfName)} t={t} />
      {props.form ? (
        props.form
      ) : error ? (
        <ErrorAlert error={error} />
      ) : status === 'ready' && !hasCongress ? (
        <ErrorAlert error={{ code: 'no_congress_open', message: t('error.no_congress_open') }} />
      ) : (
        (props.notice ?? <Spin />)
      )}
    </main>
  );
}
