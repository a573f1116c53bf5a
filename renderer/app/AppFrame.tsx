import {
  ApiOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  CloseOutlined,
  ExportOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  ScanOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Layout, Menu, Select, Space, Tooltip, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { RoleTag } from '../components/Tags.js';
import { AuditScreen } from '../features/audit/AuditScreen.js';
import { ContestsScreen } from '../features/contests/ContestsScreen.js';
import { MeetingsScreen } from '../features/contests/MeetingsScreen.js';
import { openBoardWindow } from '../features/count/board.js';
import { CountScreen } from '../features/count/CountScreen.js';
import { DeskScreen } from '../features/desk/DeskScreen.js';
import { useDesk } from '../features/desk/store.js';
import { DisciplineScreen } from '../features/discipline/DisciplineScreen.js';
import { LinkBanner } from '../features/lan/LinkBanner.js';
import { VenueScreen } from '../features/lan/VenueScreen.js';
import { useSession } from '../features/operators/session-store.js';
import { useCan, useStation } from '../features/operators/station-store.js';
import { ReportScreen } from '../features/results/ReportScreen.js';
import { ResultsScreen } from '../features/results/ResultsScreen.js';
import { RosterScreen } from '../features/roster/RosterScreen.js';
import { ScanScreen } from '../features/scan/ScanScreen.js';
import { SettingsScreen } from '../features/settings/SettingsScreen.js';
import { NewCongressScreen } from '../features/start/NewCongressScreen.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { errorTextNow } from '../lib/errors.js';
import styles from './AppFrame.module.css';
import { currentMeeting, useCongress } from './congress.js';
import { forgetClientState } from './forget.js';
import { useT } from './language.js';
import { type Page, useRoute } from './route.js';

const NAV: { page: Page; label: MessageKey; icon: ReactNode }[] = [
  { page: 'desk', label: 'nav.desk', icon: <ScanOutlined /> },
  { page: 'roster', label: 'nav.roster', icon: <TeamOutlined /> },
  { page: 'meetings', label: 'nav.meetings', icon: <ScheduleOutlined /> },
  { page: 'discipline', label: 'nav.discipline', icon: <SafetyCertificateOutlined /> },
  { page: 'contests', label: 'nav.contests', icon: <CheckSquareOutlined /> },
  { page: 'report', label: 'nav.report', icon: <FileTextOutlined /> },
  { page: 'results', label: 'nav.results', icon: <ExportOutlined /> },
  { page: 'audit', label: 'nav.audit', icon: <AuditOutlined /> },
  { page: 'lan', label: 'nav.lan', icon: <ApiOutlined /> },
  { page: 'settings', label: 'nav.settings', icon: <SettingOutlined /> },
];

/**
 * A congress is open: header, side navigation, and the page of the route. `inert` while the
 * lock screen covers it: nothing behind can be reached, and nothing is lost.
 */
export function AppFrame(props: { inert?: boolean }) {
  const page = useRoute((s) => s.page);
  const navigate = useRoute((s) => s.navigate);
  const t = useT();
  const path = useCongress((s) => s.file?.path ?? '');
  const meeting = useCongress(currentMeeting);

  // What the screens keep of the open congress goes with it (what they read goes with the cache).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again for each file opened
  useEffect(() => forgetClientState, [path]);
  useEffect(() => {
    useDesk.getState().setMeeting(meeting?.id ?? null);
  }, [meeting?.id]);

  return (
    <Layout className={`${styles.frame} print-flow`} inert={props.inert} aria-hidden={props.inert || undefined}>
      <FrameHeader />
      <LinkBanner />
      <Layout className="print-flow">
        <Layout.Sider
          width={168}
          theme="light"
          className={`${styles.nav} no-print`}
          breakpoint="lg"
          collapsedWidth={56}
        >
          <Menu
            mode="inline"
            selectedKeys={[page === 'count' || page === 'scan' ? 'contests' : page]}
            onClick={(e) => navigate(e.key as Page)}
            items={NAV.map((n) => ({
              key: n.page,
              icon: n.icon,
              label: <span data-testid={`nav-${n.page}`}>{t(n.label)}</span>,
            }))}
          />
        </Layout.Sider>
        <Layout.Content className={`${styles.content} print-flow`}>
          <PageView page={page} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** The screen of each page the frame shows; any other route shows the desk. */
const SCREENS: Partial<Record<Page, () => ReactNode>> = {
  roster: () => <RosterScreen />,
  meetings: () => <MeetingsScreen />,
  discipline: () => <DisciplineScreen />,
  contests: () => <ContestsScreen />,
  count: () => <CountScreen />,
  scan: () => <ScanScreen />,
  report: () => <ReportScreen />,
  results: () => <ResultsScreen />,
  audit: () => <AuditScreen />,
  settings: () => <SettingsScreen />,
  lan: () => <VenueScreen />,
  new: () => <NewCongressScreen />,
};

function PageView({ page }: { page: Page }) {
  return (SCREENS[page] ?? (() => <DeskScreen />))();
}

/** A header tool: its icon always, its label when the window is wide enough, its hint on hover. */
function HeaderButton(props: { hint: string; label: string; icon: ReactNode; testId: string; onClick(): void }) {
  return (
    <Tooltip title={props.hint}>
      <Button icon={props.icon} data-testid={props.testId} aria-label={props.label} onClick={props.onClick}>
        <span className={styles.buttonLabel}>{props.label}</span>
      </Button>
    </Tooltip>
  );
}

function FrameHeader() {
  const t = useT();
  const { modal, message } = App.useApp();
  const name = useCongress((s) => s.file?.congress.name ?? '');
  const meetings = useCongress((s) => s.meetings);
  const meeting = useCongress(currentMeeting);
  const typedName = useSession((s) => s.operator);
  const station = useSession((s) => s.stationLabel);
  const signedIn = useStation((s) => s.operator);
  const canSetMeeting = useCan('meetings.setCurrent');
  // Closing ends every station's sign-in: the secretariat's call once there are operators.
  const canClose = useCan('congress.close');
  const { setCurrentMeeting, close } = useCongress.getState();

  return (
    <Layout.Header className={`${styles.header} no-print`}>
      {/* The whole name, on two lines if the tools leave too little room: never cut. */}
      <Typography.Text strong className={styles.title} data-testid="congress-name">
        {name}
      </Typography.Text>
      <Space size="middle" className={styles.tools}>
        <div className={styles.meetingPick}>
          <Typography.Text type="secondary" className={styles.meetingLabel}>
            {t('header.meeting')}
          </Typography.Text>
          <Select
            className={styles.meeting}
            aria-label={t('header.meeting')}
            data-testid="meeting-select"
            value={meeting?.id}
            disabled={!canSetMeeting}
            placeholder={t('header.meeting.none')}
            options={meetings.map((m) => ({ value: m.id, label: `${m.name} · ${m.date}` }))}
            onChange={async (id: number) => {
              const r = await setCurrentMeeting(id);
              if (!r.ok) void message.error(errorTextNow(r.error));
            }}
            popupMatchSelectWidth={false}
          />
        </div>
        <Tooltip
          title={
            signedIn
              ? `${t('header.signedIn', { name: signedIn.name, role: t(`role.${signedIn.role}`) })} · ${t('header.station', { station })}`
              : t('header.station', { station })
          }
        >
          <Space size={4} data-testid="operator-name-display" data-signed-in={signedIn ? signedIn.name : undefined}>
            <UserOutlined />
            <Typography.Text>{signedIn ? signedIn.name : typedName}</Typography.Text>
            {signedIn && <RoleTag role={signedIn.role} t={t} />}
          </Space>
        </Tooltip>
        {signedIn && (
          <HeaderButton
            hint={t('header.lock.hint')}
            label={t('header.lock')}
            icon={<LockOutlined />}
            testId="header-lock"
            onClick={() => void useStation.getState().lock()}
          />
        )}
        <HeaderButton
          hint={t('header.board.hint')}
          label={t('header.board')}
          icon={<FundProjectionScreenOutlined />}
          testId="open-board"
          onClick={openBoardWindow}
        />
        <LanguageSwitch />
        {canClose && (
          <Button
            icon={<CloseOutlined />}
            data-testid="close-congress"
            onClick={() =>
              modal.confirm({
                title: t('header.close'),
                content: t('header.close.confirm'),
                okText: t('common.ok'),
                cancelText: t('common.cancel'),
                onOk: () => close(),
              })
            }
          >
            {t('header.close')}
          </Button>
        )}
      </Space>
    </Layout.Header>
  );
}
