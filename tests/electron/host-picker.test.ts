/**
 * `POST /api/places/list` (issue 15 item 4): the loopback host's picker for a browser, against the
 * real store and a real folder tree. A script holding the token tries what a browser page could:
 * listing from a locked station, listing /etc, walking out through `..` or a symlink, and the
 * request checks /api/invoke makes (token, Origin, method).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../core/result.js';
import type { PlacesListing } from '../../electron/host/picker.js';
import { type LoopbackHost, startLoopbackHost } from '../../electron/host/server.js';
import { election } from '../db/election-setup.js';
import { makeBackend, type TestBackend, tempDir } from '../db/helpers.js';
import { signedIn, withOperators } from '../db/operators-setup.js';

const hosts: LoopbackHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

async function hostOf(tb: TestBackend): Promise<LoopbackHost> {
  const staticDir = path.join(tb.dir, 'static');
  fs.mkdirSync(staticDir, { recursive: true });
  const host = await startLoopbackHost({ backend: tb.backend, staticDir });
  hosts.push(host);
  return host;
}

async function list(
  host: LoopbackHost,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Result<PlacesListing> }> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/places/list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Result<PlacesListing> };
}

/** A store whose places are an app's own (documents and data folders), not the whole temp folder the db tests write in. */
const narrow = () => makeBackend(tempDir(), { places: [] });

const entriesOf = (r: { body: Result<PlacesListing> }) => {
  if (!r.body.ok) throw new Error(`refused: ${r.body.error.message}`);
  return r.body.value.entries.map((e) => e.name);
};

describe('the loopback host picker route', () => {
  it('a locked station of a congress with operators lists nothing (station.locked), not even the places; a signed-in clerk lists the congress folder', async () => {
    const dir = tempDir();
    const e = await election({}, makeBackend(dir, { places: [dir] }));
    const ids = await withOperators(e);
    const host = await hostOf(e);
    fs.writeFileSync(path.join(e.dir, '结果.json'), '{}');
    const locked = { operator: '路过的人', station: '无人值守的工作站' };
    for (const dir of [null, e.dir]) {
      const r = await list(host, { dir, ctx: locked });
      expect(r.body).toMatchObject({ ok: false, error: { code: 'locked', reason: 'station.locked' } });
      expect(JSON.stringify(r.body)).not.toContain('结果.json');
    }
    const clerk = await signedIn(e, ids, 'clerk', '报到处1');
    const r = await list(host, { dir: e.dir, ctx: clerk });
    expect(entriesOf(r)).toContain('结果.json');
    // The open congress's -wal, -shm and -lock are there on disk, and not offered.
    expect(fs.existsSync(path.join(e.dir, 'test.congress-lock'))).toBe(true);
    expect(entriesOf(r).filter((n) => n.startsWith('test.congress'))).toEqual(['test.congress']);
  });

  it('with no congress open (the district verifying), the places are listed and a folder inside one; /etc and `..` out of a place are refused', async () => {
    const tb = narrow();
    const host = await hostOf(tb);
    const documents = path.join(tb.dir, 'documents');
    fs.mkdirSync(path.join(documents, '各镇结果'), { recursive: true });
    const ctx = { operator: '区委组织部', station: '组织部' };
    const top = await list(host, { dir: null, ctx });
    expect(top.body.ok && top.body.value.entries.map((e) => e.path)).toContain(fs.realpathSync(documents));
    expect(entriesOf(await list(host, { dir: documents, ctx }))).toEqual(['各镇结果']);
    for (const dir of ['/etc', `${documents}/../..`, path.dirname(tb.dir)]) {
      const r = await list(host, { dir, ctx });
      expect(r.body, dir).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'picker.outside_places' } });
    }
  });

  it('a symlink in a place that points out of the places is neither listed nor entered', async () => {
    const tb = narrow();
    const host = await hostOf(tb);
    const documents = path.join(tb.dir, 'documents');
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'id_rsa'), 'PRIVATE');
    fs.mkdirSync(documents, { recursive: true });
    fs.symlinkSync(outside, path.join(documents, 'home'));
    const ctx = { operator: '区委组织部', station: '组织部' };
    expect(entriesOf(await list(host, { dir: documents, ctx }))).not.toContain('home');
    const r = await list(host, { dir: path.join(documents, 'home'), ctx });
    expect(r.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(r.body)).not.toContain('id_rsa');
  });

  it('checks the request as /api/invoke does: no token 401, a foreign Origin 403, GET 405, a body without dir 400', async () => {
    const tb = narrow();
    const host = await hostOf(tb);
    const documents = path.join(tb.dir, 'documents');
    const ctx = { operator: 'x', station: 'y' };
    expect((await list(host, { dir: documents, ctx }, { Authorization: 'Bearer nope' })).status).toBe(401);
    const foreign = await fetch(`http://127.0.0.1:${host.port}/api/places/list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' },
      body: JSON.stringify({ dir: documents, ctx }),
    });
    expect(foreign.status).toBe(403);
    const get = await fetch(`http://127.0.0.1:${host.port}/api/places/list`, {
      headers: { Authorization: `Bearer ${host.token}` },
    });
    expect(get.status).toBe(405);
    const bad = await list(host, { dir: 7, ctx });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: { reason: 'host.bad_request', field: 'dir' } });
  });
});
