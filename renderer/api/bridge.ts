import type { CallContext } from '../../core/contract.js';
import type { ChangeEvent } from '../../core/domain.js';
import type { Result } from '../../core/result.js';

/**
 * What the Electron preload exposes on `window.congressDesk` (contextBridge): a typed
 * `invoke` for every channel of the contract (and the shell channels), and change events.
 * Declared here from the renderer's side so the renderer never imports electron code.
 */
export interface CongressDeskBridge {
  invoke(channel: string, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
  onChange(listener: (event: ChangeEvent) => void): () => void;
}

declare global {
  interface Window {
    congressDesk?: CongressDeskBridge;
  }
}

export const bridge = (): CongressDeskBridge | null =>
  typeof window !== 'undefined' && window.congressDesk ? window.congressDesk : null;

/** True inside the Electron shell: native dialogs and printing are available. */
export const isDesktop = (): boolean => bridge() !== null;
