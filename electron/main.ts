/**
 * The Electron main process: windows, menu, dialogs, printing, and the relay between the
 * pages (IPC) and the store, which runs in a utility process (electron/store-worker.ts)
 * so that an import or a recount never freezes a window.
 *
 * Bundled by scripts/build-electron.mjs to dist/electron/main.cjs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  type OpenDialogOptions,
  protocol,
  type SaveDialogOptions,
  session,
} from 'electron';
import { type CallContext, callContext, isChannel } from '../core/contract.js';
import type { ChangeEvent } from '../core/domain.js';
import { reasonText } from '../core/reasons.js';
import { type Result, refuse } from '../core/result.js';
import { buildMenu, MENU_TEXT, menuText } from './menu.js';
import { defaultDataDir, defaultDocumentsDir } from './paths.js';
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isTrustedSender,
  secureWebPreferences,
} from './security.js';
import { admitShell, handleShell, isShellChannel } from './shell-calls.js';
import { resolveStaticFile } from './static-files.js';
import { StoreClient } from './store-client.js';

/** Hash routes of the renderer that the shell opens (agreed with renderer/). */
const ROUTES = { newCongress: '#/new', board: '#/board' } as const;
const DISPLAY_NAME = '党代会会务台';

const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(appRoot, 'dist', 'electron', 'preload.cjs');
const workerPath = path.join(appRoot, 'dist', 'electron', 'store-worker.mjs');
const dataDir = defaultDataDir();
const documentsDir = defaultDocumentsDir(process.env, process.platform, safeDocumentsPath());

// Before `ready`: our scheme behaves like https (standard, secure, fetch, CORS for ES
// modules), every renderer is sandboxed, and userData is the folder the loopback host uses.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
  },
]);
app.enableSandbox();
app.setPath('userData', dataDir);

function safeDocumentsPath(): string | undefined {
  try {
    return app.getPath('documents');
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------
// Windows

let mainWindow: BrowserWindow | null = null;
let lastContext: CallContext | null = null;
const pendingFiles: string[] = [];

const broadcast = (event: ChangeEvent) => {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send('change', event);
  }
};

const store = new StoreClient({ appRoot, workerPath, dataDir, documentsDir }, broadcast, (message) => {
  const hint = app.isPackaged
    ? ''
    : '\n\n(From a checkout: `node scripts/electron-native.mjs` builds SQLite for Electron.)';
  dialog.showErrorBox(DISPLAY_NAME, `数据存储无法启动 / The store could not start:\n${message}${hint}`);
});

function createAppWindow(route = '', options: { width?: number; height?: number } = {}): BrowserWindow {
  const win = new BrowserWindow({
    title: DISPLAY_NAME,
    width: options.width ?? 1280,
    height: options.height ?? 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ENTRY_URL}${route}`);
  return win;
}

function createMainWindow(): void {
  mainWindow = createAppWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusedOrMain(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? mainWindow;
}

function showRoute(route: string): void {
  const win = focusedOrMain();
  if (!win) return;
  void win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(route)}`);
}

const shellContext = (): CallContext => lastContext ?? { operator: '', station: os.hostname().slice(0, 64) };

async function reportFailure(result: Result<unknown>): Promise<boolean> {
  if (result.ok) return true;
  const win = focusedOrMain();
  // The menu's language (the system's), as the menu itself speaks.
  const language = menuText() === MENU_TEXT.en ? 'en' : 'zh-CN';
  const said = result.error.reason ? reasonText(result.error.reason, result.error.params, language) : null;
  const options = { type: 'error' as const, title: DISPLAY_NAME, message: said ?? result.error.message };
  if (win) await dialog.showMessageBox(win, options);
  else await dialog.showMessageBox(options);
  return false;
}

async function openCongressFile(file: string): Promise<void> {
  const result = await store.invoke('congress.open', { path: file }, shellContext());
  if (await reportFailure(result)) broadcast({ topic: 'congress' });
}

async function menuOpen(): Promise<void> {
  const win = focusedOrMain();
  const options: OpenDialogOptions = {
    title: menuText().open,
    defaultPath: documentsDir,
    filters: [{ name: menuText().congressFiles, extensions: ['congress', 'sqlite'] }],
    properties: ['openFile'],
  };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const file = picked.filePaths[0];
  if (!picked.canceled && file) await openCongressFile(file);
}

async function menuBackup(): Promise<void> {
  const current = await store.invoke('congress.get', {}, shellContext());
  if (!(await reportFailure(current))) return;
  if (!lastContext?.operator && !lastContext?.session) {
    await reportFailure(refuse('operator_required', 'call.operator_required'));
    return;
  }
  const name = (current.ok ? (current.value as { congress: { name: string } }).congress.name : 'congress').replace(
    /[\\/:*?"<>|]/g,
    '_',
  );
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const win = focusedOrMain();
  const options: SaveDialogOptions = {
    title: menuText().backup,
    defaultPath: path.join(documentsDir, `${name}-备份-${stamp}.congress`),
    filters: [{ name: menuText().congressFiles, extensions: ['congress'] }],
  };
  const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (picked.canceled || !picked.filePath) return;
  store.addPlace(path.dirname(picked.filePath));
  const result = await store.invoke('congress.backup', { path: picked.filePath }, lastContext);
  if (await reportFailure(result)) broadcast({ topic: 'audit' });
}

// ---------------------------------------------------------------------------------
// IPC: one handler, checked sender, shell calls to electron/shell-calls.ts, the rest to the store

/**
 * The places a write may go into (db/places.ts) live in the store; only this process adds to
 * them, after a dialog of its own. No IPC channel reaches `addPlace`.
 */
const shellPlaces = {
  documentsDir,
  places: () => store.places(),
  addPlace: (folder: string) => store.addPlace(folder),
};

ipcMain.handle('invoke', async (event, channel: unknown, input: unknown, ctx: unknown): Promise<Result<unknown>> => {
  if (!isTrustedSender(event.senderFrame)) {
    return refuse('internal', 'shell.foreign_sender');
  }
  if (typeof channel !== 'string') return refuse('unknown_channel', 'shell.unknown_call');
  if (isShellChannel(channel)) {
    const gate = await admitShell(channel, ctx, (c, i, x) => store.invoke(c, i, x));
    return gate.ok ? handleShell(event.sender, channel, input, shellPlaces) : gate;
  }
  if (!isChannel(channel)) return refuse('unknown_channel', 'call.unknown_channel', { channel });
  const context = callContext.safeParse(ctx);
  // The menu's own calls (backup) go as the station's last caller; a chief's PIN typed for one
  // call is never kept for another, nor are the warnings acknowledged for it.
  if (context.success && (context.data.operator || context.data.session)) {
    const { confirm: _once, acknowledge: _seen, ...station } = context.data;
    lastContext = station;
  }
  return store.invoke(channel, input, ctx);
});

// ---------------------------------------------------------------------------------
// Lifecycle

const congressFileArg = (argv: string[]): string | undefined =>
  argv.slice(1).find((arg) => /\.(congress|sqlite)$/i.test(arg) && existsSync(arg));

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, preloadPath));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const file = congressFileArg(argv);
    if (file) void openCongressFile(file);
  });

  // macOS: double-clicking a .congress file.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) void openCongressFile(file);
    else pendingFiles.push(file);
  });

  app.whenReady().then(() => {
    mkdirSync(documentsDir, { recursive: true });
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
        return new Response('Not Found', { status: 404 });
      }
      const found = await resolveStaticFile(rendererDir, url.pathname);
      if (!found) return new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } });
      return new Response(new Uint8Array(found.body), {
        status: 200,
        headers: {
          'content-type': found.contentType,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    });
    Menu.setApplicationMenu(
      buildMenu({
        newCongress: () => showRoute(ROUTES.newCongress),
        open: () => void menuOpen(),
        backup: () => void menuBackup(),
        board: () => createAppWindow(ROUTES.board),
      }),
    );
    void store.start().catch(() => undefined);
    createMainWindow();

    const fromArgv = congressFileArg(process.argv);
    if (fromArgv) pendingFiles.push(fromArgv);
    for (const file of pendingFiles.splice(0)) void openCongressFile(file);

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let storeClosed = false;
  app.on('before-quit', (event) => {
    if (storeClosed) return;
    event.preventDefault();
    void store.close().finally(() => {
      storeClosed = true;
      app.quit();
    });
  });
}
