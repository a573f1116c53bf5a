/**
 * OpenCV (compiled to WebAssembly, `@techstark/opencv-js`) and the ZXing QR reader (`zxing-wasm`),
 * each loaded once per process and only from files on this machine: the app runs offline and
 * zxing-wasm's default is to fetch its .wasm from a CDN, so its binary is read from disk and handed
 * over (`wasmBinary`) before the first read — no `fetch` is ever made.
 *
 * Under vitest/tsx both come from node_modules. In the Electron store worker (bundled by esbuild
 * into dist/electron/store-worker.mjs) OpenCV is bundled in (its wasm is inlined in opencv.js) and
 * the zxing .wasm is looked for beside the bundle first (`zxing_reader.wasm`), then in
 * node_modules; `setZxingWasmPath` names another place (the packaged app's resources).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type CV from '@techstark/opencv-js';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

export type OpenCv = typeof CV;

let cvReady: Promise<{ cv: OpenCv }> | null = null;
let zxingReady: Promise<typeof readBarcodes> | null = null;
let zxingPath: string | null = null;

/** Where the zxing reader's .wasm is, when it is neither beside the bundle nor in node_modules. */
export function setZxingWasmPath(path: string): void {
  zxingPath = path;
  zxingReady = null;
}

function localRequire(): NodeJS.Require {
  return createRequire(import.meta.url);
}

/** OpenCV, initialised once; later calls get the same module. */
export async function openCv(): Promise<OpenCv> {
  // The emscripten module is a thenable whose then() hands back itself: awaited or resolved
  // directly it loops, so it travels inside an object and the runtime's own callback says when it is up.
  cvReady ??= new Promise<{ cv: OpenCv }>((resolve, reject) => {
    try {
      const cv = localRequire()('@techstark/opencv-js') as OpenCv & { onRuntimeInitialized?: () => void };
      const ready = () => {
        // Once up, the module need not be a thenable: without `then` it can be returned from async code.
        Reflect.deleteProperty(cv, 'then');
        resolve({ cv });
      };
      if (typeof cv.Mat === 'function' && typeof cv.getBuildInformation === 'function') ready();
      else cv.onRuntimeInitialized = ready;
    } catch (e) {
      reject(e);
    }
  });
  return (await cvReady).cv;
}

function zxingWasmFile(): string {
  if (zxingPath) return zxingPath;
  const beside = fileURLToPath(new URL('./zxing_reader.wasm', import.meta.url));
  if (existsSync(beside)) return beside;
  return localRequire().resolve('zxing-wasm/reader/zxing_reader.wasm');
}

/** zxing-wasm's `readBarcodes`, its module instantiated from the local .wasm file. */
export function zxing(): Promise<typeof readBarcodes> {
  zxingReady ??= (async () => {
    const bytes = readFileSync(zxingWasmFile());
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await prepareZXingModule({
      overrides: {
        wasmBinary,
        // Never consulted with wasmBinary given; a file path here keeps any fallback off the network.
        locateFile: (p: string) => (p.endsWith('.wasm') ? zxingWasmFile() : p),
      },
      fireImmediately: true,
    });
    return readBarcodes;
  })();
  return zxingReady;
}
