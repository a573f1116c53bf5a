/**
 * Issue 14: the venue listener as the secretariat reaches it, through the contract of a real store
 * (lan.addresses, lan.openVenue, lan.closeVenue): the refusals of db/lan/host/server.ts arrive as
 * the call's answer, and the certificate served is the one db/lan/cert.ts keeps for the congress.
 */
import net from 'node:net';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { localAddresses } from '../../db/lan/addresses.js';
import { certificateFor, normaliseFingerprint } from '../../db/lan/cert.js';
import { congressInput, makeBackend } from '../db/helpers.js';

/** A port nothing listens on now (taken from the system, then let go). */
async function freePort(address: string): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, address, resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function presented(address: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: address, port, rejectUnauthorized: false }, () => {
      resolve(normaliseFingerprint(socket.getPeerCertificate().fingerprint256));
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('issue 14: the venue through the contract', () => {
  it('lan.addresses answers with no congress open: the IPv4 addresses, loopback last', async () => {
    const tb = makeBackend();
    const found = await tb.call('lan.addresses', {});
    expect(found).toEqual(localAddresses());
    expect(found.at(-1)?.address.startsWith('127.')).toBe(true);
  });

  it('lan.openVenue serves the congress’s own certificate on the address picked; closed, nothing listens', async () => {
    const tb = makeBackend();
    const created = await tb.call('congress.create', congressInput(tb.dir));
    const port = await freePort('127.0.0.5');
    const opened = await tb.call('lan.openVenue', { address: '127.0.0.5', port });
    const kept = await certificateFor(tb.dataDir, created.congress.uid);
    expect(opened).toMatchObject({ open: true, address: '127.0.0.5', port, fingerprint: kept.fingerprint });
    expect(await presented('127.0.0.5', port)).toBe(kept.fingerprint);

    await tb.call('lan.closeVenue', {});
    await expect(presented('127.0.0.5', port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('an address not of this laptop, or a port in use, is refused with its reason and opens nothing', async () => {
    const tb = makeBackend();
    await tb.call('congress.create', congressInput(tb.dir));
    const elsewhere = await tb.failure('lan.openVenue', { address: '192.0.2.44', port: 47310 });
    expect(elsewhere.reason).toBe('lan.bad_address');

    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.6', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const taken = await tb.failure('lan.openVenue', { address: '127.0.0.6', port });
      expect(taken.reason).toBe('lan.port_in_use');
      expect(taken.params).toEqual({ address: '127.0.0.6', port });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    expect((await tb.call('lan.venue', {})).open).toBe(false);
  });
});
