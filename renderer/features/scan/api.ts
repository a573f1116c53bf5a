/**
 * The scan channels (core/contract/scan.ts) and `ballots.enter` with `pageId`, typed from the
 * contract's own schemas. Through `invoke` like every call; the cast only bridges the time until
 * the channels are wired into core/contract.ts's `Contract` (then it is the same call).
 */
import type { z } from 'zod';
import type { scanCalls } from '../../../core/contract/scan.js';
import type { Input } from '../../../core/contract.js';
import type { Result } from '../../../core/result.js';
import { type CallOptions, invoke } from '../../api/index.js';
import type { Ballot } from '../count/types.js';

type ScanCalls = typeof scanCalls;
export type ScanChannel = keyof ScanCalls;
export type ScanInput<C extends ScanChannel> = z.input<ScanCalls[C]['input']>;
export type ScanOutput<C extends ScanChannel> = z.output<ScanCalls[C]['output']>;
export type ScanPage = ScanOutput<'scan.pages'>[number];
export type ScanAdded = ScanOutput<'scan.addFiles'>;

type AnyInvoke = (channel: string, input: unknown, options?: CallOptions) => Promise<Result<unknown>>;

export function callScan<C extends ScanChannel>(channel: C, input: ScanInput<C>): Promise<Result<ScanOutput<C>>> {
  return (invoke as unknown as AnyInvoke)(channel, input) as Promise<Result<ScanOutput<C>>>;
}

/** A scanned paper confirmed: `ballots.enter` with the page it was read from. */
export type ScannedPaper = Input<'ballots.enter'> & { pageId: number };

export const enterScanned = (input: ScannedPaper, options: CallOptions = {}): Promise<Result<Ballot>> =>
  (invoke as unknown as AnyInvoke)('ballots.enter', input, options) as Promise<Result<Ballot>>;
