import { CameraOutlined, FileImageOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { FormCode } from '../../core/form-code.js';
import type { AppError } from '../../core/result.js';
import { useT } from '../app/language.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { ErrorAlert } from './ErrorAlert.js';
import { FilePickButton } from './FilePickButton.js';
import styles from './FormCodeScan.module.css';
import { formCodeIn } from './qr-decode.js';

/** How often a camera frame is looked at: enough to feel instant, little enough for two shared cores. */
const FRAME_EVERY_MS = 150;
/** A frame or picture is read at most this wide or high: jsqr on a 12-megapixel 高拍仪 scan takes seconds. */
const LARGEST_SIDE = [1600, 900] as const;

type Trouble = { key: MessageKey; params?: Record<string, string> } | { error: AppError };

/** The pixels of a video frame or a picture, at most `side` pixels on its longer side. */
function pixelsOf(source: CanvasImageSource, width: number, height: number, side: number, canvas: HTMLCanvasElement) {
  const scale = Math.min(1, side / Math.max(width, height));
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

const cameraTrouble = (error: unknown): Trouble => {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return { key: 'formScan.camera.denied' };
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return { key: 'formScan.camera.none' };
  return { key: 'formScan.camera.failed', params: { detail: error instanceof Error ? error.message : String(error) } };
};

/**
 * What the scanner shows while open: the camera's picture (a webcam or a 高拍仪, video only: see
 * electron/security.ts `isCameraForApp`) read a few times a second, and a button to read a photo
 * or a scan instead. The first form code read is handed to `onScan`; a QR code that is not a
 * form's is said (which field, which value) and the camera keeps looking.
 */
function ScanPanel(props: { onScan: (code: FormCode) => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [camera, setCamera] = useState<'starting' | 'on' | 'off'>('starting');
  const [trouble, setTrouble] = useState<Trouble | null>(null);
  const onScan = useRef(props.onScan);
  onScan.current = props.onScan;
  const done = useRef(false);

  /** Reads one image; true when it held a form's code (handed over). */
  const read = (source: CanvasImageSource, width: number, height: number, sides: readonly number[]): boolean => {
    canvas.current ??= document.createElement('canvas');
    for (const side of sides) {
      const pixels = pixelsOf(source, width, height, side, canvas.current);
      const found = pixels && formCodeIn(pixels);
      if (!found) continue;
      if (found.ok) {
        done.current = true;
        onScan.current(found.value);
        return true;
      }
      setTrouble({ error: found.error });
      return false;
    }
    return false;
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the camera starts once per opening; `read` reads refs only
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const look = () => {
      const v = video.current;
      if (stopped || done.current || !v) return;
      if (v.readyState >= v.HAVE_CURRENT_DATA && v.videoWidth > 0) {
        if (read(v, v.videoWidth, v.videoHeight, [LARGEST_SIDE[0]])) return;
      }
      timer = setTimeout(look, FRAME_EVERY_MS);
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      setCamera('off');
      setTrouble({ key: 'formScan.camera.none' });
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped) return;
        const v = video.current;
        if (!v) return;
        v.srcObject = s;
        await v.play().catch(() => undefined);
        setCamera('on');
        look();
      })
      .catch((error: unknown) => {
        if (stopped) return;
        setCamera('off');
        setTrouble(cameraTrouble(error));
      });
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  const pick = async (chosen: File | undefined) => {
    if (!chosen) return;
    try {
      const picture = await createImageBitmap(chosen);
      const found = read(picture, picture.width, picture.height, [
        ...LARGEST_SIDE,
        Math.max(picture.width, picture.height),
      ]);
      picture.close();
      if (!found && !done.current)
        setTrouble((now) =>
          now && 'error' in now ? now : { key: 'formScan.file.none', params: { file: chosen.name } },
        );
    } catch (error) {
      setTrouble({
        key: 'formScan.file.failed',
        params: { file: chosen.name, detail: error instanceof Error ? error.message : String(error) },
      });
    }
  };

  return (
    <div className={styles.panel} data-testid="form-scan-panel">
      <Typography.Paragraph type="secondary">{t('formScan.hint')}</Typography.Paragraph>
      <div className={styles.view} data-camera={camera}>
        <video ref={video} className={styles.video} muted playsInline data-testid="form-scan-video" />
        {camera !== 'on' && (
          <div className={styles.placeholder}>
            <CameraOutlined /> {t(camera === 'starting' ? 'formScan.camera.starting' : 'formScan.camera.offline')}
          </div>
        )}
      </div>
      {trouble &&
        ('error' in trouble ? (
          <ErrorAlert error={trouble.error} title={t('formScan.notForm')} testId="form-scan-error" />
        ) : (
          <Alert type="warning" showIcon title={t(trouble.key, trouble.params)} data-testid="form-scan-error" />
        ))}
      <Space>
        <FilePickButton
          accept="image/*"
          icon={<FileImageOutlined />}
          onPick={(chosen) => void pick(chosen)}
          inputTestId="form-scan-file"
          buttonTestId="form-scan-file-button"
        >
          {t('formScan.file')}
        </FilePickButton>
      </Space>
    </div>
  );
}

/**
 * "Scan the form": reads the QR code at the foot of a printed form (the full result hash, the
 * audit head, the key fingerprint; core/form-code.ts) from a camera or 高拍仪, or from a photo or
 * scan of it, and hands it to `onScan`, which fills what the paper says into the verify screen.
 */
export function FormCodeScan(props: { onScan: (code: FormCode) => void; disabled?: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<QrcodeOutlined />} disabled={props.disabled} onClick={() => setOpen(true)} data-testid="form-scan">
        {t('formScan.button')}
      </Button>
      <Modal
        open={open}
        title={t('formScan.title')}
        onCancel={() => setOpen(false)}
        footer={<Button onClick={() => setOpen(false)}>{t('common.close')}</Button>}
        destroyOnHidden
        width={720}
      >
        {open && (
          <ScanPanel
            onScan={(code) => {
              setOpen(false);
              props.onScan(code);
            }}
          />
        )}
      </Modal>
    </>
  );
}
