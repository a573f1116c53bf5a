/**
 * For the renderer's unit tests (no browser): the real backend, in this process, on a real
 * congress file in a temp folder, installed as the window's transport. Counts the calls each
 * channel received, so a test can say how many reads a burst of events cost.
 */
import type { CallContext } from '../../core/contract.js';
import { congressWith, delegateFields, makeBackend, type TestBackend } from '../../tests/db/helpers.js';
import { setCallContext } from '../api/index.js';
import { setTransport } from '../api/transport.js';

export interface InProcess {
  tb: TestBackend;
  /** Calls made through the transport, by channel. */
  calls: Map<string, number>;
  /** Resolves when the backend answers only after `release()`: a call kept in flight. */
  hold(channel: string): { release(): void };
}

export function installBackend(
  tb: TestBackend,
  ctx: CallContext = { operator: '李明', station: '报到处1' },
): InProcess {
  const calls = new Map<string, number>();
  const held = new Map<string, Promise<void>>();
  setCallContext(ctx);
  setTransport({
    async invoke(channel, input, callCtx) {
      calls.set(channel, (calls.get(channel) ?? 0) + 1);
      const gate = held.get(channel);
      if (gate) await gate;
      return tb.backend.invoke(channel, input, callCtx);
    },
    onChange: (listener) => tb.backend.onChange(listener),
  });
  return {
    tb,
    calls,
    hold(channel) {
      let release: () => void = () => undefined;
      held.set(
        channel,
        new Promise<void>((resolve) => {
          release = () => {
            held.delete(channel);
            resolve();
          };
        }),
      );
      return { release };
    },
  };
}

/** A congress with one meeting and `n` delegates (badges 001…), served in process. */
export async function congressInProcess(n = 3) {
  const delegates = Array.from({ length: n }, (_, i) => delegateFields(String(i + 1).padStart(3, '0')));
  const tb = await congressWith(delegates, makeBackend());
  return { ...tb, ...installBackend(tb) };
}
