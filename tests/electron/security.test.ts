/**
 * The shell's hardening against Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security). Electron itself cannot run
 * here: the session and webContents are recording fakes.
 */
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isTrustedSender,
  secureWebPreferences,
} from '../../electron/security.js';

type Listener = (...args: unknown[]) => unknown;

function fakeSession() {
  const recorded: {
    permissionRequest?: Listener;
    permissionCheck?: Listener;
    beforeRequest?: Listener;
    headersReceived?: Listener;
  } = {};
  const session = {
    setPermissionRequestHandler: (fn: Listener) => {
      recorded.permissionRequest = fn;
    },
    setPermissionCheckHandler: (fn: Listener) => {
      recorded.permissionCheck = fn;
    },
    webRequest: {
      onBeforeRequest: (fn: Listener) => {
        recorded.beforeRequest = fn;
      },
      onHeadersReceived: (fn: Listener) => {
        recorded.headersReceived = fn;
      },
    },
  };
  return { session: session as unknown as Session, recorded };
}

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: Listener | undefined;
  const contents = {
    on(event: string, fn: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), fn]);
      return contents;
    },
    setWindowOpenHandler(fn: Listener) {
      openHandler = fn;
    },
  };
  /** Emit `event` like Electron does; true when some listener called preventDefault(). */
  const emit = (event: string, ...args: unknown[]): boolean => {
    let prevented = false;
    const evt = { preventDefault: () => (prevented = true) };
    for (const fn of listeners.get(event) ?? []) fn(evt, ...args);
    return prevented;
  };
  return {
    contents: contents as unknown as WebContents,
    emit,
    listeners,
    open: (url: string) => openHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }),
  };
}

describe('secureWebPreferences (checklist 2–4, 6, 9, 12)', () => {
  const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('loads only our preload', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(Object.keys(prefs)).not.toContain('additionalArguments');
  });
});

describe('Content-Security-Policy (checklist 7)', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['connect-src', ["'self'"]],
    ['font-src', ["'self'", 'data:']],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'none'"]],
  ])('%s is exactly %j', (name, values) => {
    expect(directives.get(name)).toEqual(values);
  });

  it('allows no remote origin, no eval, no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval|wasm-unsafe-eval/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });
});

describe('hardenSession (checklist 5, 7, no network)', () => {
  it('denies every permission request and check', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      const answers: boolean[] = [];
      recorded.permissionRequest?.({}, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(recorded.permissionCheck?.({}, permission, 'app://congress-desk', {}), permission).toBe(false);
    }
  });

  /** Issue 12 item 4: the verify screen reads the form's QR code from a camera or 高拍仪, and nothing else may. */
  describe('the camera for the form scanner', () => {
    const APP = 'app://congress-desk/index.html#/verify';
    const contentsAt = (url: string) => ({ getURL: () => url });
    const ask = (contents: unknown, permission: string, details: Record<string, unknown>) => {
      const { session, recorded } = fakeSession();
      hardenSession(session);
      const answers: boolean[] = [];
      recorded.permissionRequest?.(contents, permission, (granted: boolean) => answers.push(granted), details);
      return answers;
    };
    const video = {
      requestingUrl: APP,
      isMainFrame: true,
      mediaTypes: ['video'],
      securityOrigin: 'app://congress-desk',
    };

    it('grants video only, to the app’s own window at its own page', () => {
      expect(ask(contentsAt(APP), 'media', video)).toEqual([true]);
    });

    /** Issue 13 item 3: the camera 「only on the scan screen」 (and the verify screen's form scanner). */
    it('grants it on the scan screen too, whatever the round', () => {
      expect(ask(contentsAt('app://congress-desk/index.html#/scan?round=3'), 'media', video)).toEqual([true]);
    });

    for (const route of ['#/desk', '#/count?round=3', '#/', '', '#/scanner', '#/print/ballot-papers?round=3']) {
      it(`refuses the camera to the app’s own window on another screen (${route || 'no route'})`, () => {
        const url = `app://congress-desk/index.html${route}`;
        expect(ask(contentsAt(url), 'media', { ...video, requestingUrl: url })).toEqual([false]);
      });
    }

    const REFUSED: [string, unknown, string, Record<string, unknown>][] = [
      ['the microphone', contentsAt(APP), 'media', { ...video, mediaTypes: ['audio'] }],
      ['camera and microphone together', contentsAt(APP), 'media', { ...video, mediaTypes: ['video', 'audio'] }],
      ['a media request that names no type', contentsAt(APP), 'media', { ...video, mediaTypes: [] }],
      ['a media request without its types', contentsAt(APP), 'media', { requestingUrl: APP, isMainFrame: true }],
      ['a sub-frame of the app', contentsAt(APP), 'media', { ...video, isMainFrame: false }],
      [
        'a page from the network',
        contentsAt('https://example.com/'),
        'media',
        { ...video, requestingUrl: 'https://example.com/' },
      ],
      [
        'an app window whose frame loaded another page',
        contentsAt(APP),
        'media',
        { ...video, requestingUrl: 'https://example.com/' },
      ],
      ['a window that has left the app', contentsAt('https://example.com/'), 'media', video],
      ['a request with no window', null, 'media', video],
      ['screen capture from the app', contentsAt(APP), 'display-capture', video],
      ['geolocation from the app', contentsAt(APP), 'geolocation', video],
    ];
    for (const [what, contents, permission, details] of REFUSED) {
      it(`refuses ${what}`, () => {
        expect(ask(contents, permission, details)).toEqual([false]);
      });
    }

    it('answers the check for video from the app’s own page yes, and every other check no', () => {
      const { session, recorded } = fakeSession();
      hardenSession(session);
      const check = (contents: unknown, permission: string, origin: string, details: Record<string, unknown>) =>
        recorded.permissionCheck?.(contents, permission, origin, details);
      const own = { requestingUrl: APP, isMainFrame: true, mediaType: 'video', securityOrigin: 'app://congress-desk' };
      expect(check(contentsAt(APP), 'media', 'app://congress-desk', own)).toBe(true);
      expect(check(contentsAt(APP), 'media', 'app://congress-desk', { ...own, mediaType: 'audio' })).toBe(false);
      expect(check(contentsAt(APP), 'media', 'app://congress-desk', { ...own, mediaType: 'unknown' })).toBe(false);
      expect(
        check(contentsAt(APP), 'media', 'https://example.com', { ...own, requestingUrl: 'https://example.com/' }),
      ).toBe(false);
      expect(check(contentsAt(APP), 'media', 'app://congress-desk', { ...own, isMainFrame: false })).toBe(false);
      expect(check(null, 'media', 'app://congress-desk', own)).toBe(false);
      expect(check(contentsAt(APP), 'geolocation', 'app://congress-desk', own)).toBe(false);
    });
  });

  it('cancels every request to the network and lets our own files, data and blobs through', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      recorded.beforeRequest?.({ url }, (response: { cancel?: boolean }) => {
        cancel = response.cancel;
      });
      return cancel;
    };
    for (const url of [
      'https://fonts.googleapis.com/css',
      'http://127.0.0.1:8080/',
      'ws://example.com/',
      'file:///etc/passwd',
      'ftp://example.com/',
      'not a url',
    ]) {
      expect(decide(url), url).toBe(true);
    }
    for (const url of [
      'app://congress-desk/index.html',
      'app://congress-desk/assets/x.js',
      'data:image/png;base64,AA',
      'blob:app://congress-desk/1',
    ]) {
      expect(decide(url), url).toBe(false);
    }
  });

  it('puts our CSP on app:// responses, replacing any other, and leaves other responses alone', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session);
    const headersFor = (url: string, responseHeaders: Record<string, string[]>) => {
      let result: { responseHeaders?: Record<string, string[]> } | undefined;
      recorded.headersReceived?.({ url, responseHeaders }, (r: typeof result) => {
        result = r;
      });
      return result;
    };
    const app = headersFor('app://congress-desk/index.html', {
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(app?.responseHeaders?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(app?.responseHeaders?.['content-security-policy']).toBeUndefined();
    expect(app?.responseHeaders?.['Content-Type']).toEqual(['text/html']);
    expect(headersFor('devtools://devtools/x', {})).toEqual({});
  });
});

describe('hardenWebContents (checklist 13–15)', () => {
  const hardened = () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, '/p.cjs');
    return fake;
  };
  /** Places outside app://congress-desk: the web, the disk, another app host, the loopback host, inline pages. */
  const OUTSIDE = [
    'https://example.com/',
    'file:///etc/passwd',
    'file:///tmp/x.html',
    'app://other/',
    'app://evil/',
    'http://127.0.0.1:1/',
    'data:text/html,x',
    'about:blank',
    'javascript:alert(1)',
  ];

  it('prevents navigation and redirects away from app://congress-desk', () => {
    const fake = hardened();
    for (const url of OUTSIDE) {
      expect(fake.emit('will-navigate', url), url).toBe(true);
      expect(fake.emit('will-redirect', url), url).toBe(true);
    }
    expect(fake.emit('will-navigate', 'app://congress-desk/index.html#/board')).toBe(false);
  });

  it('denies new windows except our own routes, which open with the secure preferences', () => {
    const fake = hardened();
    for (const url of OUTSIDE) {
      expect(fake.open(url), url).toEqual({ action: 'deny' });
    }
    const allowed = fake.open('app://congress-desk/index.html#/print/attendance') as {
      action: string;
      overrideBrowserWindowOptions?: { webPreferences?: unknown };
    };
    expect(allowed.action).toBe('allow');
    expect(allowed.overrideBrowserWindowOptions?.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
  });

  it('prevents attaching a <webview>', () => {
    const fake = hardened();
    expect(fake.emit('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('isTrustedSender (checklist 17)', () => {
  it('trusts only the top frame of our own app', () => {
    expect(isTrustedSender({ url: 'app://congress-desk/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://congress-desk/#/board', parent: null })).toBe(true);
  });

  it.each([
    ['no frame', null],
    ['a destroyed frame', undefined],
    ['another host on our scheme', { url: 'app://evil/index.html', parent: null }],
    ['the loopback host', { url: 'http://127.0.0.1:5173/', parent: null }],
    ['a file page', { url: 'file:///app/dist/renderer/index.html', parent: null }],
    ['a look-alike host', { url: 'app://congress-desk.evil/index.html', parent: null }],
    ['credentials in the URL', { url: 'https://app://congress-desk@evil/', parent: null }],
    ['a sub-frame', { url: 'app://congress-desk/index.html', parent: {} }],
  ])('refuses %s', (_name, frame) => {
    expect(isTrustedSender(frame as Parameters<typeof isTrustedSender>[0])).toBe(false);
  });

  it('isAppUrl parses rather than matching prefixes', () => {
    expect(isAppUrl('app://congress-desk/x')).toBe(true);
    expect(isAppUrl('app://congress-desk:80/x')).toBe(false);
    expect(isAppUrl('app:/congress-desk/x')).toBe(false);
  });
});
