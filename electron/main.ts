/**
 * The Electron main process: windows, menu, dialogs, printing, and the relay between the
 * pages (IPC) and the store, which runs in a utility process (electron/store-worker.ts)
 * so that an import or a recount never freezes a window.
 *
 * Bundled by scripts/build-electron.mjs to dist/electron/main.cjs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  type MenuItemConstructorOptions,
  type OpenDialogOptions,
  protocol,
  type SaveDialogOptions,
  safeStorage,
  session,
  type UtilityProcess,
  utilityProcess,
  type WebContents,
} from 'electron';
import type { z } from 'zod';
import { type CallContext, callContext, isChannel, type ShellChannel, shellContract } from '../core/contract.js';
import type { ChangeEvent } from '../core/domain.js';
import { reasonText } from '../core/reasons.js';
import { ok, type Result, refuse } from '../core/result.js';
import { obtainInstallationKey } from './key-storage.js';
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
import { resolveStaticFile } from './static-files.js';
import { type FromWorker, type ToWorker, WORKER_ENV } from './store-protocol.js';

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
// The store, in a utility process

/**
 * The better-sqlite3 binary for Electron's ABI: in a packaged app the one
 * electron-builder put in resources/native; from a checkout the one
 * scripts/electron-native.mjs built into .electron-native/. db/open.ts passes it to
 * better-sqlite3 as `nativeBinding`.
 */
function sqliteBinding(): string | undefined {
  const fromEnv = process.env[WORKER_ENV.sqliteBinding];
  if (fromEnv) return fromEnv;
  const candidate = app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(
        appRoot,
        '.electron-native',
        'node_modules',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      );
  return existsSync(candidate) ? candidate : undefined;
}

class StoreClient {
  private worker: UtilityProcess | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private nextId = 1;
  private closing = false;

  constructor(
    private readonly onChange: (event: ChangeEvent) => void,
    private readonly onFatal: (message: string) => void,
  ) {}

  start(): Promise<void> {
    if (this.ready) return this.ready;
    const binding = sqliteBinding();
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    env[WORKER_ENV.dataDir] = dataDir;
    env[WORKER_ENV.documentsDir] = documentsDir;
    if (binding) env[WORKER_ENV.sqliteBinding] = binding;
    env[WORKER_ENV.keyFromParent] = '1';

    const worker = utilityProcess.fork(workerPath, [], { serviceName: 'Congress Desk store', env, stdio: 'inherit' });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            started = true;
            resolve();
            break;
          case 'result':
            this.pending.get(message.id)?.(message.result);
            this.pending.delete(message.id);
            break;
          case 'change':
            this.onChange(message.event);
            break;
          case 'fatal':
            this.onFatal(message.message);
            reject(new Error(message.message));
            break;
          case 'closed':
            break;
          case 'key-request': {
            // The key stays sealed on disk; only the store process ever holds it in clear.
            let reply: ToWorker;
            try {
              reply = { type: 'key', key: obtainInstallationKey(dataDir, safeStorage), error: null };
            } catch (error) {
              reply = { type: 'key', key: null, error: error instanceof Error ? error.message : String(error) };
            }
            worker.postMessage(reply);
            break;
          }
        }
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) {
          this.worker = null;
          this.ready = null;
        }
        for (const settle of this.pending.values()) settle(refuse('internal', 'store.worker_exited'));
        this.pending.clear();
        if (!started) reject(new Error(`store worker exited with code ${code}`));
        else if (!this.closing) this.onChange({ topic: 'congress' });
      });
    });
    this.ready.catch(() => undefined);
    return this.ready;
  }

  async invoke(channel: string, input: unknown, ctx: unknown): Promise<Result<unknown>> {
    if (this.closing) return refuse('internal', 'store.quitting');
    try {
      await this.start();
    } catch (error) {
      return refuse('internal', 'store.worker_failed', {
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    const worker = this.worker;
    if (!worker) return refuse('internal', 'store.unavailable');
    const id = this.nextId++;
    return new Promise<Result<unknown>>((resolve) => {
      this.pending.set(id, resolve);
      const message: ToWorker = { type: 'invoke', id, channel, input, ctx };
      try {
        worker.postMessage(message);
      } catch (error) {
        this.pending.delete(id);
        resolve(
          refuse('invalid_input', 'store.input_not_transferable', {
            detail: error instanceof Error ? error.message : String(error),
          }),
        );
      }
    });
  }

  /** Ask the worker to close the database (checkpointing the WAL), then make sure it is gone. */
  async close(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        worker.kill();
        resolve();
      }, 3000);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      const message: ToWorker = { type: 'close' };
      worker.postMessage(message);
    });
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

const store = new StoreClient(broadcast, (message) => {
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
  const language = text() === MENU_TEXT.en ? 'en' : 'zh-CN';
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
    title: text().open,
    defaultPath: documentsDir,
    filters: [{ name: text().congressFiles, extensions: ['congress', 'sqlite'] }],
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
    title: text().backup,
    defaultPath: path.join(documentsDir, `${name}-备份-${stamp}.congress`),
    filters: [{ name: text().congressFiles, extensions: ['congress'] }],
  };
  const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (picked.canceled || !picked.filePath) return;
  const result = await store.invoke('congress.backup', { path: picked.filePath }, lastContext);
  if (await reportFailure(result)) broadcast({ topic: 'audit' });
}

// ---------------------------------------------------------------------------------
// Menu (the shell's few words, in both catalogues)

const MENU_TEXT = {
  zh: {
    file: '文件',
    newCongress: '新建大会…',
    open: '打开大会文件…',
    backup: '保存备份副本…',
    quit: '退出',
    edit: '编辑',
    view: '视图',
    window: '窗口',
    board: '打开出席看板窗口',
    congressFiles: '大会文件',
  },
  en: {
    file: 'File',
    newCongress: 'New congress…',
    open: 'Open congress file…',
    backup: 'Save backup copy…',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    board: 'Open attendance board window',
    congressFiles: 'Congress files',
  },
};
const text = () => (app.getLocale().toLowerCase().startsWith('en') ? MENU_TEXT.en : MENU_TEXT.zh);

function buildMenu(): Menu {
  const t = text();
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: t.file,
      submenu: [
        { label: t.newCongress, accelerator: 'CmdOrCtrl+N', click: () => showRoute(ROUTES.newCongress) },
        { label: t.open, accelerator: 'CmdOrCtrl+O', click: () => void menuOpen() },
        { label: t.backup, accelerator: 'CmdOrCtrl+Shift+S', click: () => void menuBackup() },
        { type: 'separator' },
        { label: t.quit, role: 'quit' },
      ],
    },
    { label: t.edit, role: 'editMenu' },
    {
      label: t.view,
      submenu: [
        ...(app.isPackaged
          ? []
          : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: t.window,
      submenu: [
        { label: t.board, accelerator: 'CmdOrCtrl+Shift+B', click: () => createAppWindow(ROUTES.board) },
        { type: 'separator' },
        { role: 'minimize' },
        { role: 'close' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

// ---------------------------------------------------------------------------------
// IPC: one handler, checked sender, shell calls here, the rest to the store

const isShellChannel = (name: string): name is ShellChannel => Object.hasOwn(shellContract, name);

function parseInput<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; value: z.output<S> } | Result<never> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  return refuse('invalid_input', 'shell.input_invalid', { field, detail: issue?.message ?? '' }, { field });
}

const dialogFilters = (extensions: string[]) =>
  extensions.length === 0
    ? []
    : [{ name: extensions.join(', '), extensions: extensions.map((e) => e.replace(/^\./, '')) }];

async function handleShell(sender: WebContents, channel: ShellChannel, raw: unknown): Promise<Result<unknown>> {
  const win = BrowserWindow.fromWebContents(sender);
  switch (channel) {
    case 'shell.saveDialog': {
      const input = parseInput(shellContract[channel].input, raw);
      if (!input.ok) return input;
      const options: SaveDialogOptions = {
        title: input.value.title,
        filters: dialogFilters(input.value.extensions),
        defaultPath: input.value.defaultPath ?? documentsDir,
      };
      const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return ok({ path: picked.canceled || !picked.filePath ? null : picked.filePath });
    }
    case 'shell.openDialog': {
      const input = parseInput(shellContract[channel].input, raw);
      if (!input.ok) return input;
      const options: OpenDialogOptions = {
        title: input.value.title,
        defaultPath: documentsDir,
        filters: dialogFilters(input.value.extensions),
        properties: ['openFile'],
      };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return ok({ path: picked.canceled ? null : (picked.filePaths[0] ?? null) });
    }
    case 'shell.print': {
      const input = parseInput(shellContract[channel].input, raw);
      if (!input.ok) return input;
      const { pdfPath } = input.value;
      if (pdfPath !== null) {
        if (!path.isAbsolute(pdfPath) || path.extname(pdfPath).toLowerCase() !== '.pdf') {
          return refuse('invalid_input', 'shell.pdf_path', {}, { field: 'pdfPath', value: pdfPath });
        }
        const data = await sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
        try {
          await writeFile(pdfPath, data);
        } catch (error) {
          return refuse('file_io', 'shell.cannot_write', {
            path: pdfPath,
            detail: error instanceof Error ? error.message : String(error),
          });
        }
        return ok({ done: true });
      }
      const done = await new Promise<boolean>((resolve) => {
        sender.print({ silent: false, printBackground: true }, (success) => resolve(success));
      });
      return ok({ done });
    }
  }
}

ipcMain.handle('invoke', async (event, channel: unknown, input: unknown, ctx: unknown): Promise<Result<unknown>> => {
  if (!isTrustedSender(event.senderFrame)) {
    return refuse('internal', 'shell.foreign_sender');
  }
  if (typeof channel !== 'string') return refuse('unknown_channel', 'shell.unknown_call');
  if (isShellChannel(channel)) return handleShell(event.sender, channel, input);
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
    Menu.setApplicationMenu(buildMenu());
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
