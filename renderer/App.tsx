import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import { useEffect } from 'react';
import styles from './App.module.css';
import { queryClient } from './api/queries.js';
import { AppFrame } from './app/AppFrame.js';
import { useCongress } from './app/congress.js';
import { useLanguage, useT } from './app/language.js';
import { useRoute } from './app/route.js';
import { WarningsModal } from './app/WarningsModal.js';
import { PlacePicker } from './components/PlacePicker.js';
import { PrintAuditPage } from './features/audit/PrintAuditPage.js';
import { PrintBadgesPage } from './features/badges/PrintBadgesPage.js';
import { PrintSigninPage } from './features/badges/PrintSigninPage.js';
import { BoardPage } from './features/count/BoardPage.js';
import { TallyPage } from './features/count/TallyPage.js';
import { PrintOathPage } from './features/discipline/PrintOathPage.js';
import { PrintPledgesPage } from './features/discipline/PrintPledgesPage.js';
import { JoinScreen } from './features/lan/JoinScreen.js';
import { ChiefConfirmModal } from './features/operators/ChiefConfirmModal.js';
import { LockScreen } from './features/operators/LockScreen.js';
import { OperatorModal } from './features/operators/OperatorModal.js';
import { useSession } from './features/operators/session-store.js';
import { useStation } from './features/operators/station-store.js';
import { BallotPapersPage } from './features/papers/BallotPapersPage.js';
import { PrintFormPage } from './features/results/PrintFormPage.js';
import { StartScreen } from './features/start/StartScreen.js';
import { VerifyScreen } from './features/verify/VerifyScreen.js';
import { antdLocales } from './lib/antd-locale.js';

const theme = {
  token: {
    colorPrimary: '#c41d1d',
    fontFamily:
      '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif',
    borderRadius: 6,
  },
};

export function App() {
  const language = useLanguage((s) => s.language);
  return (
    <ConfigProvider locale={antdLocales[language]} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Screens />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function Screens() {
  const t = useT();
  const page = useRoute((s) => s.page);
  const status = useCongress((s) => s.status);
  const open = useCongress((s) => s.file !== null);
  const operator = useSession((s) => s.operator);
  const stationKnown = useStation((s) => s.known);
  const enforced = useStation((s) => s.enforced);
  const signedIn = useStation((s) => s.operator !== null);
  const title =
    page === 'board'
      ? `${t('board.title')} · ${t('app.name')}`
      : page === 'tally'
        ? `${t('tally.title')} · ${t('app.name')}`
        : page === 'verify'
          ? `${t('verify.title')} · ${t('app.name')}`
          : t('app.name');

  useEffect(() => {
    document.title = title;
  }, [title]);

  // The print routes show the paper form alone, for printing and for `page.pdf()`; the
  // board and the tally are the projector's windows. None asks for the operator: they only read.
  if (page === 'print/attendance' || page === 'print/ballots' || page === 'print/count' || page === 'print/election') {
    return <PrintFormPage />;
  }
  if (page === 'print/pledges') return <PrintPledgesPage />;
  if (page === 'print/oath') return <PrintOathPage />;
  if (page === 'print/audit') return <PrintAuditPage />;
  if (page === 'print/ballot-papers') return <BallotPapersPage />;
  if (page === 'print/badges') return <PrintBadgesPage />;
  if (page === 'print/signin') return <PrintSigninPage />;
  if (page === 'board') return <BoardPage />;
  if (page === 'tally') return <TallyPage />;

  if (status === 'loading') {
    return (
      <div className={styles.center}>
        <Spin size="large" description={t('app.loading')} />
      </div>
    );
  }
  if (status === 'offline') {
    return (
      <div className={styles.center}>
        <Result
          status="warning"
          title={t('app.offline')}
          subTitle={t('app.offline.hint')}
          extra={<Button onClick={() => void useCongress.getState().load()}>{t('common.retry')}</Button>}
        />
      </div>
    );
  }
  // Joining a host (issue 14) starts with no congress open and ends with the host's open: the
  // screen stays until the people at both laptops have compared the certificate's fingerprint.
  if (page === 'join') return <JoinScreen />;
  // Checking result files needs no congress (the district's machine has none) and no operator;
  // at a station of a congress with operators, it needs one signed in (the lock screen below).
  if (page === 'verify' && !(open && (!stationKnown || (enforced && !signedIn)))) {
    return (
      <>
        <VerifyScreen />
        <PlacePicker />
      </>
    );
  }
  // Whether the open congress asks for sign-in is known before anything of it shows.
  if (open && !stationKnown) {
    return (
      <div className={styles.center}>
        <Spin size="large" description={t('app.loading')} />
      </div>
    );
  }
  // A congress with operators: the lock screen until someone signs in; the work behind it stays.
  const locked = open && enforced && !signedIn;
  return (
    <>
      {open ? <AppFrame inert={locked} /> : <StartScreen />}
      {locked && <LockScreen />}
      <OperatorModal open={operator === '' && !(open && enforced)} />
      <ChiefConfirmModal />
      <WarningsModal />
      <PlacePicker />
    </>
  );
}
