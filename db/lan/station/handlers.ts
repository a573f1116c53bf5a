/**
 * The station's own lan.* calls (core/contract/lan.ts), answered by this laptop's link and never
 * forwarded: they change this laptop's pairing, not a congress file, so they audit nothing here
 * (the host audits the pairing in its congress).
 */
import type { SessionHandler } from '../../handler-types.js';

export const join: SessionHandler<'lan.join'> = {
  kind: 'session',
  run: (input, call) => call.lan.link.join(input),
  changes: () => [{ topic: 'lan' }],
};

export const link: SessionHandler<'lan.link'> = {
  kind: 'session',
  run: (_input, call) => ({ ok: true, value: call.lan.link.status() }),
};

export const dismiss: SessionHandler<'lan.dismiss'> = {
  kind: 'session',
  run: (input, call) => ({ ok: true, value: call.lan.link.dismiss(input.at) }),
  changes: () => [{ topic: 'lan' }],
};

export const leave: SessionHandler<'lan.leave'> = {
  kind: 'session',
  run: (_input, call) => call.lan.link.leave(),
  changes: () => [{ topic: 'lan' }],
};
