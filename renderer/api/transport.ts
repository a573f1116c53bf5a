import type { CallContext } from '../../core/contract.js';
import type { ChangeEvent } from '../../core/domain.js';
import { type AppError, type Result, refuse } from '../../core/result.js';
import { bridge } from './bridge.js';
import { loopbackToken } from './token.js';

/**
 * The two transports of DESIGN.md: Electron IPC through the preload bridge, or HTTP to
 * the loopback host (POST /api/invoke, server-sent events on /api/events).
 */
export interface Transport {
  invoke(channel: string, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
  onChange(listener: (event: ChangeEvent) => void): () => void;
}

const transportError = (
  reason: 'transport.unreachable' | 'transport.unrecognised' | 'transport.failed',
  params: Record<string, string | number>,
): { ok: false; error: AppError } => refuse('internal', reason, params);

const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A POST to the loopback host with its token (`/api/invoke`, the picker's `/api/places/list`): its answer, or why none came. */
export async function postToHost(route: string, body: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(route, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${loopbackToken()}` },
      body: JSON.stringify(body),
    });
  } catch (e) {
    return transportError('transport.unreachable', { detail: detailOf(e) });
  }
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    return transportError('transport.unrecognised', { status: response.status });
  }
  if (answer && typeof answer === 'object' && 'ok' in answer) return answer as Result<unknown>;
  return transportError('transport.unrecognised', { status: response.status });
}

function httpTransport(): Transport {
  const listeners = new Set<(event: ChangeEvent) => void>();
  let source: EventSource | null = null;

  const connect = () => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(loopbackToken())}`);
    source.onmessage = (message) => {
      let event: ChangeEvent;
      try {
        event = JSON.parse(message.data) as ChangeEvent;
      } catch {
        return;
      }
      if (!event || typeof event.topic !== 'string') return;
      for (const listener of listeners) listener(event);
    };
    // EventSource reconnects by itself after an error; nothing to do here.
  };

  return {
    invoke: (channel, input, ctx) => postToHost('/api/invoke', { channel, input, ctx }),
    onChange(listener) {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

let chosen: Transport | null = null;

export function transport(): Transport {
  if (!chosen) {
    const electron = bridge();
    chosen = electron
      ? {
          invoke: async (channel, input, ctx) => {
            try {
              return await electron.invoke(channel, input, ctx);
            } catch (e) {
              return transportError('transport.failed', { detail: detailOf(e) });
            }
          },
          onChange: (listener) => electron.onChange(listener),
        }
      : httpTransport();
  }
  return chosen;
}

/** Another transport for this window: the in-process backend of the renderer's unit tests. */
export function setTransport(next: Transport | null): void {
  chosen = next;
}
