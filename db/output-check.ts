/** Contract drift shows up in tests (CONGRESS_DESK_VALIDATE_OUTPUT=1) as `internal`. */
import { type Channel, contract } from '../core/contract.js';

const validateOutputs = () => process.env.CONGRESS_DESK_VALIDATE_OUTPUT === '1';

/** Throws when validation is on and `value` is not the contract's output of `channel`. */
export function checkOutput(channel: Channel, value: unknown): void {
  if (!validateOutputs()) return;
  const checked = contract[channel].output.safeParse(value);
  if (!checked.success) {
    throw new Error(`output of ${channel} does not match the contract: ${JSON.stringify(checked.error.issues)}`);
  }
}
