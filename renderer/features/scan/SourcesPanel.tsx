import { FileAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Translate } from '../../app/language.js';
import { pickPath } from '../../components/pick-path.js';
import { CameraSource } from './CameraSource.js';
import styles from './ScanScreen.module.css';
import { addPaths, watchFolder } from './sources.js';

const EXTENSIONS = ['jpg', 'jpeg', 'png', 'pdf', 'tif', 'tiff'];

/**
 * Where the pages come from: the scanner's folder (watched while this screen is open and the
 * round is voted), a file picked by path, files dropped on the screen (ScanScreen), the camera.
 */
export function SourcesPanel(props: { roundId: number; folderPages: number; t: Translate }) {
  const { roundId, folderPages, t } = props;
  const [folder, setFolder] = useState<string | null>(null);
  useEffect(() => {
    if (folder === null) return;
    return watchFolder(roundId, folder, { received: () => undefined, stopped: () => setFolder(null) });
  }, [roundId, folder]);

  const pickFolder = async () => {
    const r = await pickPath({ mode: 'folder', title: t('scan.folder.pickTitle') });
    if (r.ok && r.value) setFolder(r.value);
  };
  const pickFile = async () => {
    const r = await pickPath({ mode: 'open', title: t('scan.files.pickTitle'), extensions: EXTENSIONS });
    if (r.ok && r.value) await addPaths(roundId, 'file', [r.value]);
  };

  return (
    <div className={styles.sources} data-testid="scan-sources">
      <Typography.Text strong>{t('scan.sources')}</Typography.Text>
      {folder ? (
        <div className={styles.watching} data-testid="scan-watching" data-folder={folder} data-pages={folderPages}>
          <span className={styles.watchingText}>{t('scan.folder.watching', { path: folder, n: folderPages })}</span>
          <Button size="small" onClick={() => setFolder(null)} data-testid="scan-folder-stop">
            {t('scan.folder.stop')}
          </Button>
        </div>
      ) : null}
      <Space wrap>
        {!folder && (
          <Button icon={<FolderOpenOutlined />} onClick={() => void pickFolder()} data-testid="scan-folder-pick">
            {t('scan.folder.pick')}
          </Button>
        )}
        <Button icon={<FileAddOutlined />} onClick={() => void pickFile()} data-testid="scan-file-pick">
          {t('scan.files.pick')}
        </Button>
      </Space>
      <div className={styles.dropHint} data-testid="scan-drop-hint">
        {t('scan.drop')}
      </div>
      <CameraSource roundId={roundId} t={t} />
    </div>
  );
}
