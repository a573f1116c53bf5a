/**
 * The scan channels (core/contract/scan.ts) as the screen uses them: their wire shapes, and a
 * call that answers a `Result` as every `invoke` does.
 */
import type { Input, Output } from '../../../core/contract.js';
import type { Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';

export type ScanChannel = 'scan.pages' | 'scan.image' | 'scan.inbox' | 'scan.addFiles' | 'scan.addImage';
export type ScanInput<C extends ScanChannel> = Input<C>;
export type ScanOutput<C extends ScanChannel> = Output<C>;
export type ScanPage = Output<'scan.pages'>[number];
export type ScanAdded = Output<'scan.addFiles'>;

export const callScan = <C extends ScanChannel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> =>
  invoke(channel, input);
