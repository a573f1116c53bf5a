#!/usr/bin/env node
/**
 * Bundles the Electron shell with esbuild (the renderer is built by `vite build`):
 *
 *   electron/main.ts         → dist/electron/main.cjs         (main process, CommonJS)
 *   electron/preload.ts      → dist/electron/preload.cjs      (sandboxed preload: may require only `electron`)
 *   electron/store-worker.ts → dist/electron/store-worker.mjs (utility process, ES module)
 *   db/scan/reader-worker.ts → dist/electron/reader-worker.mjs (the store's reader thread, issue 13)
 *   db/migrations/*.sql      → dist/electron/migrations/
 *   the wasm files           → dist/electron/mupdf-wasm.wasm (PDF scans, read by the store) and
 *                              zxing_reader.wasm (QR codes, read by the reader thread)
 *
 * The db code finds its migrations (and package.json) through `import.meta.url`; in the
 * worker bundle that is the URL of store-worker.mjs, so `./migrations/` resolves to the
 * copy next to it and `../../package.json` to the app's package.json.
 * better-sqlite3 stays external: it is a native module (see scripts/electron-native.mjs).
 * So does sharp (libvips, native): it is loaded from node_modules at run time, and
 * build/electron-builder.yml unpacks it from the asar (a shared library cannot be loaded from
 * inside an archive).
 *
 * The wasm files are found through `import.meta.url` too: mupdf-wasm.js asks for
 * `new URL('mupdf-wasm.wasm', import.meta.url)`, which in the bundle is beside store-worker.mjs,
 * and db/scan/wasm.ts looks for zxing_reader.wasm beside reader-worker.mjs before node_modules.
 * Nothing is fetched from the network. OpenCV (its wasm inlined in opencv.js) is required at run
 * time from node_modules.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
// `--out DIR` for tests; normally dist/electron.
const out =
  outArg > 0 && process.argv[outArg + 1] ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dist', 'electron');
// Electron 39 runs Chromium 142 and Node 22.
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
};

// CommonJS dependencies bundled into an ES module still call require() for Node
// built-ins; give them a real one.
const esmRequire = {
  js: [
    "import { createRequire as __cdCreateRequire } from 'node:module';",
    'const require = __cdCreateRequire(import.meta.url);',
  ].join('\n'),
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: path.join(out, 'main.cjs'),
    format: 'cjs',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: path.join(out, 'preload.cjs'),
    format: 'cjs',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/store-worker.ts'],
    outfile: path.join(out, 'store-worker.mjs'),
    format: 'esm',
    external: ['electron', 'better-sqlite3', 'sharp'],
    banner: esmRequire,
  }),
  build({
    ...common,
    entryPoints: ['db/scan/reader-worker.ts'],
    outfile: path.join(out, 'reader-worker.mjs'),
    format: 'esm',
    external: ['sharp'],
    banner: esmRequire,
  }),
]);

for (const wasm of ['mupdf/dist/mupdf-wasm.wasm', 'zxing-wasm/dist/reader/zxing_reader.wasm']) {
  copyFileSync(path.join(root, 'node_modules', wasm), path.join(out, path.basename(wasm)));
}

const migrations = path.join(root, 'db', 'migrations');
mkdirSync(path.join(out, 'migrations'), { recursive: true });
for (const file of readdirSync(migrations).filter((f) => f.endsWith('.sql'))) {
  copyFileSync(path.join(migrations, file), path.join(out, 'migrations', file));
}

console.log(
  `Built ${path.relative(root, out) || out}: main.cjs, preload.cjs, store-worker.mjs, reader-worker.mjs, wasm, migrations/`,
);
