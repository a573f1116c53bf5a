/**
 * The little of a browser window the app shell's stores touch when their module loads (the
 * route's hash and history, the language's storage, `<html lang>`), for unit tests in Node.
 * Install it before importing such a module (`await import(…)` after `installWindow()`).
 */
export interface FakeWindow {
  /** What `localStorage` holds now. */
  storage: Map<string, string>;
  /** The hash as the address bar shows it. */
  hash(): string;
  /** A hash typed in the address bar (or Back): the `hashchange` listeners run. */
  goTo(hash: string): void;
}

export function installWindow(options: { hash?: string; storage?: Record<string, string>; noStorage?: boolean } = {}) {
  const storage = new Map(Object.entries(options.storage ?? {}));
  const listeners = new Map<string, Set<() => void>>();
  const location = { hash: options.hash ?? '' };
  const fire = (type: string) => {
    for (const listener of listeners.get(type) ?? []) listener();
  };
  const localStorage = {
    getItem: (key: string) => {
      if (options.noStorage) throw new Error('storage disabled');
      return storage.get(key) ?? null;
    },
    setItem: (key: string, value: string) => {
      if (options.noStorage) throw new Error('storage disabled');
      storage.set(key, value);
    },
    removeItem: (key: string) => storage.delete(key),
  };
  const win = {
    location: new Proxy(location, {
      set(target, prop, value) {
        if (prop !== 'hash') return Reflect.set(target, prop, value);
        const changed = target.hash !== value;
        target.hash = value;
        if (changed) fire('hashchange');
        return true;
      },
    }),
    history: {
      state: null,
      // Like the browser: the address changes, no `hashchange`.
      replaceState(_state: unknown, _title: string, url: string) {
        location.hash = url.slice(url.indexOf('#'));
      },
    },
    localStorage,
    sessionStorage: localStorage,
    addEventListener(type: string, listener: () => void) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)?.add(listener);
    },
    removeEventListener(type: string, listener: () => void) {
      listeners.get(type)?.delete(listener);
    },
  };
  Object.assign(globalThis, { window: win, document: { documentElement: { lang: '' } } });
  const fake: FakeWindow = {
    storage,
    hash: () => location.hash,
    goTo(hash) {
      win.location.hash = hash;
    },
  };
  return fake;
}

/** The `lang` of the fake document. */
export const documentLanguage = (): string =>
  (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang;
