/** The wire shapes the count feature shows (core/contract.ts outputs). */
import type { Output } from '../../../core/contract.js';
import type { Ballot, StackSummary } from '../../../core/model/index.js';

export type { Ballot, StackSummary };

export type StackComparison = Output<'stacks.compare'>;
export type ContestDetail = Output<'contests.get'>;
export type Contest = ContestDetail['contest'];
export type Round = ContestDetail['rounds'][number];
export type Candidate = ContestDetail['candidates'][number];
