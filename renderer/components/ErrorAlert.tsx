import { Alert } from 'antd';
import type { AppError } from '../../core/result.js';
import { useT } from '../app/language.js';
import { errorTitleKey, isCancelled, useErrorText } from '../lib/errors.js';
import styles from './ErrorAlert.module.css';

/**
 * A backend error: the code's title from the catalogue (or the screen's own `title`), its reason
 * in the UI's language below (none for a cancelled call).
 */
export function ErrorAlert(props: {
  error: AppError;
  testId?: string;
  title?: string;
  extra?: string;
  className?: string;
  onClose?: () => void;
}) {
  const t = useT();
  const text = useErrorText();
  const { error } = props;
  // A call whose chief scrutineer's confirmation was cancelled left everything as it was.
  if (isCancelled(error)) return null;
  // The details of a refusal, or the warnings of a write not acknowledged (nothing was written).
  const details = [...(error.details ?? []), ...(error.warnings ?? [])].map(text).filter((d) => d !== text(error));
  return (
    <Alert
      type="error"
      showIcon
      className={props.className}
      data-testid={props.testId}
      title={props.title ?? t(errorTitleKey(error))}
      closable={props.onClose ? { onClose: props.onClose } : false}
      description={
        <div>
          <div data-testid={props.testId ? `${props.testId}-text` : undefined}>{text(error)}</div>
          {details.length > 0 && (
            <ul className={styles.details}>
              {details.map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: details have no identity
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          {props.extra && <div className={styles.extra}>{props.extra}</div>}
        </div>
      }
    />
  );
}
