/**
 * The venue network's pieces, made once per backend (db/backend.ts) and handed to every call as
 * `call.lan` (db/lan/types.ts says what each is).
 */
import type { BackendOptions } from '../backend-types.js';
import type { Dispatcher } from '../dispatch.js';
import type { Session } from '../session.js';
import { createVenue } from './host/server.js';
import { createLanHost } from './host/store.js';
import { createStationLink } from './station/link.js';
import type { LanRuntime } from './types.js';

export function createLanRuntime(dispatcher: Dispatcher, session: Session, options: BackendOptions): LanRuntime {
  const host = createLanHost(dispatcher, session, options);
  const venue = createVenue(host, options.dataDir);
  const link = createStationLink({ dataDir: options.dataDir });
  return { host, venue, link };
}

const unavailable = (name: string | symbol) => {
  throw new Error(`the venue network is not available here (lan.${String(name)})`);
};

/**
 * For calls made outside a backend (the demo builder): any use of the venue network is a bug, but
 * for the round close's question — no station holds papers where there is no venue network.
 */
export const NO_LAN: LanRuntime = new Proxy({} as LanRuntime, {
  get(_target, name) {
    if (name !== 'host') return unavailable(name);
    return new Proxy({} as LanRuntime['host'], {
      get(_host, method) {
        if (method === 'papersAt') return () => [];
        return unavailable(`host.${String(method)}`);
      },
    });
  },
});
