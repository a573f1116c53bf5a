/**
 * The only bridge between a page and the main process: `window.congressDesk` with a
 * typed `invoke` and change events. Nothing else is exposed; `ipcRenderer` itself never
 * reaches the page. Runs sandboxed, so it may import only `electron` (type imports are
 * erased).
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { z } from 'zod';
import type { CallContext, Channel, Input, ShellChannel, ShellContract } from '../core/contract.js';
import type { ChangeEvent } from '../core/domain.js';
import type { Result } from '../core/result.js';

type AnyInput<C extends Channel | ShellChannel> = C extends Channel
  ? Input<C>
  : C extends ShellChannel
    ? z.input<ShellContract[C]['input']>
    : never;

export interface CongressDeskBridge {
  invoke<C extends Channel | ShellChannel>(channel: C, input: AnyInput<C>, ctx: CallContext): Promise<Result<unknown>>;
  onChange(listener: (event: ChangeEvent) => void): () => void;
}

const bridge: CongressDeskBridge = {
  invoke: (channel, input, ctx) => ipcRenderer.invoke('invoke', channel, input, ctx),
  onChange(listener) {
    const relay = (_event: IpcRendererEvent, change: ChangeEvent) => listener(change);
    ipcRenderer.on('change', relay);
    return () => {
      ipcRenderer.removeListener('change', relay);
    };
  },
};

contextBridge.exposeInMainWorld('congressDesk', bridge);
