/**
 * The store as the transports see it (db/backend-types.ts): one `invoke` for every call
 * of the contract, change events, close.
 */
import type { Backend, BackendOptions } from './backend-types.js';
import { createDemoCongress } from './congress/demo.js';
import { Dispatcher } from './dispatch.js';
import { createLanRuntime } from './lan/runtime.js';
import type { LanRuntime } from './lan/types.js';
import { createReaderPool } from './scan/pool.js';
import { poolReader } from './scan/queue.js';
import { Session } from './session.js';

/** What stands behind a backend made here (tests, the venue's own wiring); no transport reaches it. */
export interface BackendParts {
  dispatcher: Dispatcher;
  lan: LanRuntime;
}

const parts = new WeakMap<Backend, BackendParts>();

/** The dispatcher and venue network behind `backend`, if it was made by `createBackend`. */
export const backendParts = (backend: Backend): BackendParts | undefined => parts.get(backend);

export function createBackend(opts: BackendOptions): Backend {
  const session = new Session(openOptions(opts));
  // The pool's threads start on the first scanned page and end with the backend.
  const pool = opts.scanReader ? null : poolReader(() => createReaderPool());
  const dispatcher = new Dispatcher(session, {
    ...opts,
    scanReader: opts.scanReader ?? pool!,
    createDemo: async (path, ctx) => {
      const built = createDemoCongress(path, { operator: ctx.operator, station: ctx.station, ...openOptions(opts) });
      return built.ok ? { ok: true, value: undefined } : built;
    },
  });
  const lan = createLanRuntime(dispatcher, session, opts);
  dispatcher.attachLan(lan);
  const backend: Backend = {
    // Issue 14: a joined station's calls go to its host (through its outbox), but for its own lan.* calls.
    invoke: (channel, input, ctx) =>
      lan.link.forwards(channel) ? lan.link.invoke(channel, input, ctx) : dispatcher.invoke(channel, input, ctx),
    onChange: (listener) => {
      const local = dispatcher.onChange(listener);
      const relayed = lan.link.onChange(listener);
      return () => {
        local();
        relayed();
      };
    },
    places: async () => dispatcher.places(),
    addPlace: (folder) => dispatcher.picked.add(folder),
    close: () => {
      void lan.venue.close();
      void lan.link.close();
      dispatcher.close();
      session.close();
      void pool?.close();
    },
  };
  parts.set(backend, { dispatcher, lan });
  return backend;
}

const openOptions = (opts: BackendOptions) => (opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {});
