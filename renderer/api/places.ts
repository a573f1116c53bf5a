import type { PlacesListing } from '../../core/contract/shell.js';
import type { Result } from '../../core/result.js';
import { callContext } from './index.js';
import { postToHost } from './transport.js';

export type { PickerEntry, PlacesListing } from '../../core/contract/shell.js';

/**
 * The loopback host's picker (electron/host/picker.ts): the places a write may go into (`dir`
 * null), or the entries of a folder inside one. Admitted by the station's sign-in, as the
 * desktop's dialogs are; only in a browser (Electron has its own dialogs).
 */
export const listPlaces = (dir: string | null): Promise<Result<PlacesListing>> =>
  postToHost('/api/places/list', { dir, ctx: callContext() }) as Promise<Result<PlacesListing>>;
