/**
 * The entities of election day, each a zod schema and its type: the contract's calls are built
 * from them (core/contract/), and db and renderer name them instead of a call's output.
 */
export * from './attendance.js';
export * from './audit.js';
export * from './backups.js';
export * from './congress.js';
export * from './contests.js';
export * from './count.js';
export * from './discipline.js';
export * from './operators.js';
export * from './results.js';
export * from './roster.js';
