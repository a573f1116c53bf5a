/** PLACEHOLDER (issue 14, helper "host store" replaces it): the host's side of the wire. */
import { refuse } from '../../../core/result.js';
import type { BackendOptions } from '../../backend-types.js';
import type { Dispatcher } from '../../dispatch.js';
import type { Session } from '../../session.js';
import type { LanHost } from '../types.js';

export function createLanHost(dispatcher: Dispatcher, _session: Session, _options: BackendOptions): LanHost {
  const nope = () => refuse('internal', 'call.internal', { detail: 'not built yet' });
  return {
    pair: async () => nope(),
    authenticate: () => nope(),
    invoke: async () => ({ result: nope(), seq: null, receipt: null, safeSeq: 0 }),
    beat: () => ({ safeSeq: 0, headSeq: 0, standby: null }),
    held: () => nope(),
    snapshot: async () => nope(),
    onChange: (listener) => dispatcher.onChange(listener),
    onSafe: () => () => undefined,
  };
}
