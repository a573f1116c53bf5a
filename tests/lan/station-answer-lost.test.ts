/**
 * Issue 14: a write whose answer is lost after the host committed it (the cable pulled while the
 * answer was on its way) is sent again with the same idempotency key and committed once. The host
 * is the real one (LanHost, Venue, dispatcher); only its answer to one call is held back forever,
 * after the real call ran, so the station sees the host go silent exactly then.
 */
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { roundAtCounter } from '../db/operators-setup.js';
import { join, signInAt, stationLink, until, value, venueOn } from './station-setup.js';

const lose = vi.hoisted(() => ({ channel: null as string | null, ran: 0 }));

vi.mock('../../db/lan/host/store.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../db/lan/host/store.js')>();
  return {
    ...real,
    createLanHost: (...args: Parameters<typeof real.createLanHost>) => {
      const lanHost = real.createLanHost(...args);
      return new Proxy(lanHost, {
        get(target, key, receiver) {
          if (key !== 'invoke') return Reflect.get(target, key, receiver);
          const invoke: typeof lanHost.invoke = async (station, call, from) => {
            const answer = await target.invoke(station, call, from);
            if (lose.channel !== null && call.channel === lose.channel) {
              lose.channel = null;
              lose.ran++;
              // Committed on the host; the answer never leaves it.
              return new Promise(() => undefined);
            }
            return answer;
          };
          return invoke;
        },
      });
    },
  };
});

function auditOf(file: string, action: string): { id: number; payload: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id, payload FROM audit_log WHERE action = ? ORDER BY id').all(action) as {
      id: number;
      payload: string;
    }[];
  } finally {
    db.close();
  }
}

describe('a write whose answer was lost', () => {
  it('is sent again with its key and committed once; the station hears `queued`, then nothing is told', async () => {
    // A ballot: entering the same paper twice would count it twice, so only the key keeps it once.
    const scene = await roundAtCounter(3);
    const h = await venueOn(scene.e, scene.ids);
    const { link } = stationLink();
    await join(h, link, 'count', '计票台 2');
    const ctx = await signInAt(h, link, 'counter', '计票台 2');
    lose.channel = 'ballots.enter';
    const r = await link.invoke('ballots.enter', scene.e.enterInput('oo--'), ctx);
    // The host went silent: the station keeps the paper and says so.
    expect(!r.ok && r.error.code).toBe('queued');
    expect(lose.ran).toBe(1);
    // It is on the host already, once.
    expect(auditOf(h.tb.path, 'ballots.enter')).toHaveLength(1);

    // The link comes back (the next beat gets through) and sends the row again, same key.
    await until(() => link.status().online && link.status().queued === 0, 15_000, 'the replay');
    expect(auditOf(h.tb.path, 'ballots.enter')).toHaveLength(1);
    expect(link.status()).toMatchObject({ queued: 0, unsafe: 1, told: [] });
    expect((await scene.e.call('rounds.result', { roundId: scene.e.roundId })).tally.counted).toBe(1);

    // And the next one goes through as usual.
    value(await link.invoke('ballots.enter', scene.e.enterInput('o-o-'), ctx));
    expect(auditOf(h.tb.path, 'ballots.enter')).toHaveLength(2);
    expect((await scene.e.call('rounds.result', { roundId: scene.e.roundId })).tally.counted).toBe(2);
  });
});
