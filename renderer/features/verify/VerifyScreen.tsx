import { ArrowLeftOutlined, FileAddOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { groupedHash } from '../../../core/hash-groups.js';
import { isDesktop } from '../../api/index.js';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormCodeScan } from '../../components/FormCodeScan.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { pickPath } from '../../components/pick-path.js';
import { DistrictCard } from './DistrictCard.js';
import { KeyRegistryCard } from './KeyRegistryCard.js';
import { parsePaths, useVerify } from './store.js';
import { VerifyReportCard } from './VerifyReportCard.js';
import styles from './VerifyScreen.module.css';

/**
 * `#/verify`: the district organisation department's check of result files, on any machine,
 * with no congress open. One or more files (typed, one a line, or added one by one with the
 * desktop's dialog or the browser's picker of the places) and optionally the fingerprint expected from the paper; for each file passed or not,
 * why, and what it says; for several, the district view and its .xlsx.
 */
export function VerifyScreen() {
  const t = useT();
  const navigate = useRoute((s) => s.navigate);
  const open = useCongress((s) => s.file !== null);
  const { pathsText, fingerprint, expectHash, busy, error, reports, total } = useVerify(
    useShallow(({ pathsText, fingerprint, expectHash, busy, error, reports, total }) => ({
      pathsText,
      fingerprint,
      expectHash,
      busy,
      error,
      reports,
      total,
    })),
  );
  const { setPathsText, setFingerprint, setExpectHash, addPath, verify } = useVerify.getState();
  const desktop = isDesktop();
  const count = parsePaths(pathsText).length;

  const browse = async () => {
    const r = await pickPath({ mode: 'open', title: t('verify.dialogTitle'), extensions: ['json'] });
    if (r.ok && r.value) addPath(r.value);
  };

  return (
    <div className={styles.screen} data-testid="verify-page">
      <header className={styles.header}>
        <Space align="center">
          <Button
            icon={<ArrowLeftOutlined />}
            data-testid="verify-back"
            onClick={() => navigate(open ? 'results' : 'desk')}
          >
            {t(open ? 'verify.back.results' : 'verify.back.start')}
          </Button>
          <Typography.Title level={3} className={styles.title}>
            <SafetyCertificateOutlined /> {t('verify.title')}
          </Typography.Title>
        </Space>
        <LanguageSwitch />
      </header>
      <Typography.Paragraph type="secondary" className={styles.intro}>
        {t('verify.intro')}
      </Typography.Paragraph>

      <Card className={`page-card ${styles.formCard}`}>
        <Form layout="vertical" onFinish={() => void verify()}>
          <Form.Item label={t('verify.paths')} extra={t(desktop ? 'verify.paths.helpDesktop' : 'verify.paths.help')}>
            <Input.TextArea
              value={pathsText}
              onChange={(e) => setPathsText(e.target.value)}
              autoSize={{ minRows: 3, maxRows: 10 }}
              placeholder={t('verify.paths.placeholder')}
              spellCheck={false}
              data-testid="verify-paths"
            />
          </Form.Item>
          <Button
            icon={<FileAddOutlined />}
            onClick={() => void browse()}
            className={styles.add}
            data-testid="verify-add-file"
          >
            {t('verify.addFile')}
          </Button>
          <PaperValue
            label={t('verify.expected')}
            help={t('verify.expected.help')}
            value={fingerprint}
            onChange={setFingerprint}
            placeholder={t('verify.expected.placeholder')}
            className={styles.fingerprint}
            testId="verify-expected"
          />
          <PaperValue
            label={t('verify.expectHash')}
            help={t(count > 1 ? 'verify.expectHash.many' : 'verify.expectHash.help')}
            value={expectHash}
            onChange={setExpectHash}
            placeholder={t('verify.expectHash.placeholder')}
            className={styles.hash}
            disabled={count > 1}
            testId="verify-expect-hash"
            action={
              // The paper's QR code fills what the form says: the hash, and the key's fingerprint it was signed with.
              <FormCodeScan
                disabled={count > 1}
                onScan={(code) => {
                  setExpectHash(groupedHash(code.hash));
                  if (code.fingerprint !== null) setFingerprint(code.fingerprint);
                }}
              />
            }
          />
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            icon={<SafetyCertificateOutlined />}
            loading={busy}
            disabled={count === 0}
            data-testid="verify-submit"
          >
            {count > 1 ? t('verify.submitMany', { n: count }) : t('verify.submit')}
          </Button>
        </Form>
      </Card>

      {error && <ErrorAlert error={error} />}
      {reports && (
        <div className={styles.results} data-testid="verify-results">
          {reports.length > 1 && total && <DistrictCard files={reports} total={total} t={t} />}
          {reports.map((file) => (
            <VerifyReportCard key={file.path} file={file} t={t} />
          ))}
        </div>
      )}
      <KeyRegistryCard t={t} />
    </div>
  );
}

/** A value copied from the paper form (the key's fingerprint, the result hash): typed as printed, in groups. */
function PaperValue(props: {
  label: string;
  help: string;
  value: string;
  onChange(value: string): void;
  placeholder: string;
  className: string | undefined;
  disabled?: boolean;
  testId: string;
  /** Beside the field: the scanner of the form's QR code, for the hash. */
  action?: ReactNode;
}) {
  const input = (
    <Input
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      placeholder={props.placeholder}
      className={props.className}
      allowClear
      disabled={props.disabled}
      spellCheck={false}
      data-testid={props.testId}
    />
  );
  return (
    <Form.Item label={props.label} extra={props.help}>
      {props.action ? (
        <Flex gap="small" align="center">
          {input}
          {props.action}
        </Flex>
      ) : (
        input
      )}
    </Form.Item>
  );
}
