/**
 * Everything security-relevant about the desktop shell, in one place, following
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security).
 *
 * Only type imports from Electron: the functions take the session / webContents to
 * harden as arguments, so this module also loads under plain Node (the loopback host
 * shares the CSP, the unit test passes recording fakes).
 */
import type {
  HandlerDetails,
  OnBeforeRequestListenerDetails,
  OnHeadersReceivedListenerDetails,
  Session,
  WebContents,
  WebFrameMain,
  WebPreferences,
  WindowOpenHandlerResponse,
} from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'congress-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page every app window loads; routes are hash routes (`#/board`). */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Content-Security-Policy for every page of the app (Electron `app://` and the loopback
 * host). No remote origin, no eval, no inline script; inline styles only because Ant
 * Design writes them at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Checklist items 2–4, 6, 7, 9, 12: the preferences of every window the app opens. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** True for a URL of our own app (`app://congress-desk/…`), false for anything else. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Schemes a page of ours may load from: our own files, inline data, devtools. */
const ALLOWED_REQUEST_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

/** What Electron says of a permission request or check: the frame asking, and for 'media' the devices. */
interface PermissionAsk {
  requestingUrl?: string;
  isMainFrame?: boolean;
  /** A request's devices. */
  mediaTypes?: readonly string[];
  /** A check's device. */
  mediaType?: string;
}

/**
 * The screens that use the camera: the verify screen's scanner of the printed form's QR code
 * (issue 12) and the scan screen's document camera (issue 13: 「The camera, like every other
 * permission, is granted only to the app's own window and only on the scan screen」). The window's
 * URL carries the route in its fragment (`app://congress-desk/index.html#/scan?round=3`).
 */
const CAMERA_SCREENS: readonly string[] = ['verify', 'scan'];

/** The route of an app URL (`#/scan?round=3` → `scan`), or '' when there is none. */
export function routeOf(url: string): string {
  try {
    return new URL(url).hash.replace(/^#\/?/, '').replace(/\?.*$/, '').replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/**
 * The one permission the app grants: the camera (video, never the microphone), to the top frame
 * of one of our own windows at our own page, on the screens that use it (CAMERA_SCREENS): the
 * verify screen's scanner of the printed form's QR code (issue 12: 「typed or scanned from the
 * form with a camera or 高拍仪」) and the scan screen's document camera (issue 13).
 * Everything else, and anything asked by a frame or window showing anything else, is refused.
 */
export function isCameraForApp(
  contents: { getURL?: () => string } | null | undefined,
  permission: string,
  ask: PermissionAsk | null | undefined,
): boolean {
  if (permission !== 'media' || !ask || ask.isMainFrame !== true) return false;
  const devices = ask.mediaTypes ?? (ask.mediaType === undefined ? [] : [ask.mediaType]);
  if (devices.length === 0 || devices.some((d) => d !== 'video')) return false;
  const page = typeof contents?.getURL === 'function' ? contents.getURL() : '';
  return isAppUrl(page) && isAppUrl(ask.requestingUrl ?? '') && CAMERA_SCREENS.includes(routeOf(page));
}

/**
 * Checklist items 5 (permissions), 7 (CSP) and "no network": deny every permission
 * request and check but the camera for the app's own page (`isCameraForApp`), add the CSP
 * header to `app://` responses, and cancel any request to the network (http, https, ws,
 * ftp, file…): the app makes no network request, ever.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(isCameraForApp(contents, permission, details)),
  );
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isCameraForApp(contents, permission, details),
  );
  session.webRequest.onBeforeRequest((details: OnBeforeRequestListenerDetails, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  session.webRequest.onHeadersReceived((details: OnHeadersReceivedListenerDetails, callback) => {
    if (!isAppUrl(details.url)) {
      callback({});
      return;
    }
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    headers['X-Content-Type-Options'] = ['nosniff'];
    callback({ responseHeaders: headers });
  });
}

function isAllowedRequest(url: string): boolean {
  try {
    return ALLOWED_REQUEST_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Checklist items 13–15: no navigation away from the app, no new windows except our
 * own routes (the print preview, the attendance board) opened as app windows with the
 * same secure preferences, no `<webview>`.
 */
export function hardenWebContents(contents: WebContents, preloadPath: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    if (!isAppUrl(details.url)) return { action: 'deny' };
    return {
      action: 'allow',
      outlivesOpener: true,
      overrideBrowserWindowOptions: {
        width: 1200,
        height: 800,
        autoHideMenuBar: true,
        webPreferences: secureWebPreferences(preloadPath),
      },
    };
  });
}

/**
 * Checklist item 17: an IPC message is answered only when it comes from a frame of our
 * own app, i.e. a frame whose URL is `app://congress-desk/…`. Sub-frames don't qualify.
 */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
