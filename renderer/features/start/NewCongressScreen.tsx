import { Alert, Button, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NewCongressForm } from './NewCongressForm.js';
import styles from './NewCongressScreen.module.css';

/** `#/new` (File › New) while a congress is open: creating one switches to it. */
export function NewCongressScreen() {
  const t = useT();
  const name = useCongress((s) => s.file?.congress.name ?? '');
  const openError = useCongress((s) => s.openError);
  const navigate = useRoute((s) => s.navigate);

  useEffect(() => {
    const { clearOpenError } = useCongress.getState();
    clearOpenError();
    return clearOpenError;
  }, []);

  return (
    <div className={`page ${styles.screen}`} data-testid="new-congress">
      <div className="page-head">
        <Typography.Title level={3}>{t('start.new.title')}</Typography.Title>
        <Button onClick={() => navigate('desk')} data-testid="new-cancel">
          {t('common.cancel')}
        </Button>
      </div>
      {openError && (
        <ErrorAlert error={openError} testId="open-error" onClose={() => useCongress.getState().clearOpenError()} />
      )}
      <Card className="page-card">
        <Alert type="info" showIcon className={styles.hint} title={t('new.hint', { name })} />
        <NewCongressForm focusSignal={1} onCreated={() => navigate('desk')} />
      </Card>
    </div>
  );
}
