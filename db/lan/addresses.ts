/**
 * The addresses the venue host may listen on (issue 14): this laptop's own IPv4 addresses, as the
 * secretariat picks one (the venue switch's, not the Wi-Fi's) — and any loopback address, which
 * is how the tests and a one-laptop rehearsal reach it. Never a wildcard: the venue is opened on
 * exactly one interface, so a laptop also plugged into another network does not serve it there.
 */
import { isIPv4 } from 'node:net';
import os from 'node:os';
import { ok } from '../../core/result.js';
import type { SessionHandler } from '../handler-types.js';

export interface LocalAddress {
  /** The interface's name as the system gives it (「eth0」, 「以太网」, 「Wi-Fi」). */
  name: string;
  address: string;
}

/** IPv4 addresses of this laptop's interfaces, the venue's candidates first and loopback last. */
export function localAddresses(): LocalAddress[] {
  const outside: LocalAddress[] = [];
  const internal: LocalAddress[] = [];
  for (const [name, infos] of Object.entries(os.networkInterfaces())) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4') continue;
      (info.internal ? internal : outside).push({ name, address: info.address });
    }
  }
  return [...outside, ...internal];
}

/** 127.0.0.0/8 is all loopback (Linux answers on every one of them without configuring it). */
export function isLoopback(address: string): boolean {
  return isIPv4(address) && address.startsWith('127.');
}

/** May the venue listen on `address`: one of this laptop's IPv4 addresses, or a loopback one. */
export function isLocalAddress(address: string): boolean {
  if (!isIPv4(address) || address === '0.0.0.0') return false;
  return isLoopback(address) || localAddresses().some((local) => local.address === address);
}

/** lan.addresses: asked before any venue opens, so it needs no congress file. */
export const addresses: SessionHandler<'lan.addresses'> = {
  kind: 'session',
  run: () => ok(localAddresses()),
};
