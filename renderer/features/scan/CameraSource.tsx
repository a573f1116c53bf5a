import { Alert, Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Translate } from '../../app/language.js';
import styles from './ScanScreen.module.css';
import { addBytes } from './sources.js';
import { createStillDetector, greyOf } from './still.js';

/** The still detector's thumbnail: small enough to compare ten times a second. */
const THUMB_W = 32;
const THUMB_H = 24;
const TICK_MS = 100;

/**
 * The document camera (高拍仪) or webcam: opened on this screen only and closed (its tracks
 * stopped) when the screen is left or the camera switched off. A frame is taken when the picture
 * has been still for 0.7 s after a change (still.ts), or by the button, and goes to the store as
 * a JPEG (quality 0.92).
 */
export function CameraSource(props: { roundId: number; t: Translate }) {
  const { roundId, t } = props;
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [taken, setTaken] = useState(0);
  const detector = useRef(createStillDetector());

  const stop = useCallback(() => {
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    setOn(false);
  }, []);
  useEffect(() => stop, [stop]);

  const take = useCallback(async () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
    if (!blob) return;
    const n = (taken + 1).toString().padStart(3, '0');
    setTaken((x) => x + 1);
    await addBytes(roundId, 'camera', `camera-${n}.jpg`, new Uint8Array(await blob.arrayBuffer()));
  }, [roundId, taken]);
  const takeRef = useRef(take);
  takeRef.current = take;

  useEffect(() => {
    if (!on) return;
    const thumb = document.createElement('canvas');
    thumb.width = THUMB_W;
    thumb.height = THUMB_H;
    const ctx = thumb.getContext('2d', { willReadFrequently: true });
    const timer = setInterval(() => {
      const v = video.current;
      if (!ctx || !v || v.videoWidth === 0) return;
      ctx.drawImage(v, 0, 0, THUMB_W, THUMB_H);
      const grey = greyOf(ctx.getImageData(0, 0, THUMB_W, THUMB_H).data);
      if (detector.current.feed(grey, performance.now())) void takeRef.current();
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [on]);

  const start = async () => {
    setFailed(null);
    try {
      // A document camera gives 5 MP and more; without asking, a browser opens it at 640×480, too
      // coarse for the paper's code (the reader wants about 5 px/mm: 1500 px for the A4's height).
      const s = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 2592 }, height: { ideal: 1944 } },
        audio: false,
      });
      stream.current = s;
      detector.current = createStillDetector();
      setOn(true);
      if (video.current) {
        video.current.srcObject = s;
        await video.current.play().catch(() => undefined);
      }
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className={styles.camera} data-testid="scan-camera" data-on={on}>
      <Space wrap>
        {on ? (
          <>
            <Button onClick={stop} data-testid="scan-camera-stop">
              {t('scan.camera.stop')}
            </Button>
            <Button
              type="primary"
              data-testid="scan-camera-take"
              onClick={() => {
                detector.current.taken();
                void take();
              }}
            >
              {t('scan.camera.take')}
            </Button>
            <Typography.Text type="secondary" data-testid="scan-camera-taken" data-n={taken}>
              {t('scan.camera.taken', { n: taken })}
            </Typography.Text>
          </>
        ) : (
          <Button onClick={() => void start()} data-testid="scan-camera-start">
            {t('scan.camera.start')}
          </Button>
        )}
      </Space>
      <video ref={video} muted playsInline className={on ? styles.cameraVideo : styles.cameraHidden} />
      {on && <Typography.Text type="secondary">{t('scan.camera.hint')}</Typography.Text>}
      {failed && <Alert type="error" showIcon title={t('scan.camera.failed', { detail: failed })} />}
    </div>
  );
}
