/**
 * The api layer's half of the chief's confirmation (issue 12 item 6): each PIN goes with a nonce
 * the backend issued for that very call, never one used before, even when warnings are asked
 * after the gate let the PIN through. The transport here plays the gate (db/operators/confirm.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../core/contract.js';
import type { AppError, Result } from '../../core/result.js';
import { invoke, setCallHooks } from './index.js';
import { setTransport } from './transport.js';

afterEach(() => {
  setTransport(null);
  setCallHooks({});
});

const refusal = (code: AppError['code'], reason: string, params: Record<string, string | number> = {}) =>
  ({ ok: false, error: { code, reason, params, message: reason } }) as Result<unknown>;

/** A gate that issues single-use nonces and a handler that warns until the warning is acknowledged. */
function gate(pin: string) {
  const issued = new Set<string>();
  const sent: CallContext[] = [];
  let n = 0;
  const fresh = () => {
    const nonce = `nonce-${++n}`;
    issued.add(nonce);
    return nonce;
  };
  setTransport({
    async invoke(_channel, _input, ctx) {
      sent.push(ctx);
      if (!ctx.confirm) return refusal('chief_required', 'chief.required', { nonce: fresh() });
      const known = issued.delete(ctx.confirm.nonce);
      if (!known) return refusal('chief_required', 'chief.nonce_invalid', { nonce: fresh() });
      if (ctx.confirm.pin !== pin) return refusal('unauthorized', 'operator.pin_wrong', { nonce: fresh() });
      if (!ctx.acknowledge?.includes('warning.margin')) {
        return {
          ok: false,
          error: {
            code: 'warnings',
            reason: 'warnings.unacknowledged',
            params: {},
            message: '',
            warnings: [{ reason: 'warning.margin', params: {}, message: '' }],
          },
        } as Result<unknown>;
      }
      return { ok: true, value: { closed: true } };
    },
    onChange: () => () => undefined,
  });
  /** Every nonce issued so far runs out (five minutes passed). */
  const expire = () => issued.clear();
  return { sent, expire };
}

describe('the chief’s PIN and its nonce', () => {
  it('a wrong PIN, then the right one, then warnings acknowledged: every confirmation carries a nonce never sent before', async () => {
    const { sent } = gate('555555');
    const pins = ['000000', '555555'];
    setCallHooks({
      async chiefRequired(_error, attempt) {
        let r: Result<unknown> = refusal('chief_required', 'chief.required');
        for (const pin of pins) {
          r = await attempt({ operatorId: 5, pin });
          if (r.ok) break;
        }
        return r;
      },
      warnings: (_error, attempt) => attempt(['warning.margin']),
    });
    const r = await invoke('rounds.close', { roundId: 1 });
    expect(r).toEqual({ ok: true, value: { closed: true } });
    const nonces = sent.flatMap((c) => (c.confirm ? [c.confirm.nonce] : []));
    expect(nonces).toHaveLength(3);
    expect(new Set(nonces).size).toBe(3);
    // The wrong PIN's refusal offered the next nonce; only the warnings' retry had to ask for one.
    expect(sent.map((c) => (c.confirm ? `pin:${c.confirm.pin}` : 'ask'))).toEqual([
      'ask',
      'pin:000000',
      'pin:555555',
      'ask',
      'pin:555555',
    ]);
  });

  it('a nonce that ran out while the chief typed: the PIN goes once more with the fresh nonce, not asked again', async () => {
    const { sent, expire } = gate('555555');
    setCallHooks({
      async chiefRequired(_error, attempt) {
        expire();
        return attempt({ operatorId: 5, pin: '555555' });
      },
      warnings: (_error, attempt) => attempt(['warning.margin']),
    });
    expect(await invoke('rounds.close', { roundId: 1 })).toEqual({ ok: true, value: { closed: true } });
    expect(sent.filter((c) => c.confirm?.pin === '555555').length).toBeGreaterThanOrEqual(2);
  });
});
