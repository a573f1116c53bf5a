/**
 * The district's calls: verify one file or many against the installation's key registry, keep
 * the registry (district-keys.json in the data folder), and write this installation's signed
 * enrolment file for the district. No congress needs to be open.
 */

import type { DistrictKeyEntry } from '../../core/model/results.js';
import { at, ok, type Result, refuse } from '../../core/result.js';
import { cannotWrite, overCongress } from '../file-target.js';
import type { SessionCall, SessionHandler } from '../handler-types.js';
import { districtView, districtWorkbook } from './district.js';
import {
  addEntry,
  enrolmentText,
  readEnrolment,
  readRegistry,
  registryPath,
  removeEntry,
  writeRegistry,
} from './district-keys.js';
import { normaliseHash, type VerifyOptions, verifyResultFile, writeFileAtomic } from './sign.js';

const registryOf = (call: SessionCall): Result<DistrictKeyEntry[]> => readRegistry(registryPath(call.options.dataDir));

/** The checks a call asks for: its fingerprint, and the registry of this installation. */
function optionsOf(call: SessionCall, fingerprint: string | null): Result<VerifyOptions> {
  const registry = registryOf(call);
  return registry.ok ? ok({ fingerprint, registry: registry.value }) : registry;
}

export const verify: SessionHandler<'result.verify'> = {
  kind: 'session',
  run(input, call) {
    let expectHash: string | null = null;
    if (input.expectHash !== null && input.expectHash !== '') {
      expectHash = normaliseHash(input.expectHash);
      if (expectHash === null) {
        return refuse(
          'invalid_input',
          'verify.hash_unreadable',
          { value: input.expectHash },
          at('expectHash', input.expectHash),
        );
      }
    }
    const options = optionsOf(call, input.fingerprint);
    if (!options.ok) return options;
    return ok(verifyResultFile(input.path, { ...options.value, expectHash }));
  },
};

export const district: SessionHandler<'result.district'> = {
  kind: 'session',
  run(input, call) {
    const options = optionsOf(call, input.fingerprint);
    return options.ok ? ok(districtView(input.paths, options.value)) : options;
  },
};

export const districtExport: SessionHandler<'result.districtExport'> = {
  kind: 'session',
  async run(input, call) {
    // The attack of issue 12: `out` naming the open congress replaced it with a workbook.
    const target = overCongress(input.out, call.session.open?.path ?? null, 'out');
    if (target) return target;
    const options = optionsOf(call, input.fingerprint);
    if (!options.ok) return options;
    const view = districtView(input.paths, options.value);
    try {
      const bytes = writeFileAtomic(input.out, await districtWorkbook(view));
      return ok({ path: input.out, bytes });
    } catch (error) {
      return cannotWrite(error, 'out', input.out);
    }
  },
};

/** Reads the registry, applies `change`, writes it back; answers the registry as it now is. */
function changeRegistry(
  call: SessionCall,
  change: (entries: DistrictKeyEntry[]) => Result<DistrictKeyEntry[]>,
): Result<{ path: string; entries: DistrictKeyEntry[] }> {
  const file = registryPath(call.options.dataDir);
  const before = readRegistry(file);
  if (!before.ok) return before;
  const after = change(before.value);
  if (!after.ok) return after;
  try {
    writeRegistry(file, after.value);
  } catch (error) {
    return cannotWrite(error, 'keys', file);
  }
  return ok({ path: file, entries: after.value });
}

export const keysList: SessionHandler<'district.keys.list'> = {
  kind: 'session',
  run(_input, call) {
    const file = registryPath(call.options.dataDir);
    const entries = readRegistry(file);
    return entries.ok ? ok({ path: file, entries: entries.value }) : entries;
  },
};

export const keysAdd: SessionHandler<'district.keys.add'> = {
  kind: 'session',
  run: (input, call) =>
    changeRegistry(call, (entries) =>
      addEntry(
        entries,
        { township: input.township, fingerprint: input.fingerprint, publicKey: null, source: 'paper' },
        call.now,
      ),
    ),
};

export const keysRemove: SessionHandler<'district.keys.remove'> = {
  kind: 'session',
  run: (input, call) => changeRegistry(call, (entries) => removeEntry(entries, input.township)),
};

export const keysImport: SessionHandler<'district.keys.import'> = {
  kind: 'session',
  run(input, call) {
    const wanted = readEnrolment(input.path);
    if (!wanted.ok) return wanted;
    const changed = changeRegistry(call, (entries) => addEntry(entries, wanted.value, call.now));
    if (!changed.ok) return changed;
    const entry = changed.value.entries.find((e) => e.publicKey === wanted.value.publicKey)!;
    return ok({ ...changed.value, entry });
  },
};

export const enrol: SessionHandler<'keys.enrol'> = {
  kind: 'session',
  async run(input, call) {
    const target = overCongress(input.out, call.session.open?.path ?? null, 'out');
    if (target) return target;
    let key: Awaited<ReturnType<typeof call.keys.load>>;
    try {
      key = await call.keys.load();
    } catch (error) {
      return refuse('file_io', 'key.unavailable', { detail: (error as Error).message });
    }
    try {
      writeFileAtomic(input.out, enrolmentText(key, input.township, call.now));
    } catch (error) {
      return cannotWrite(error, 'out', input.out);
    }
    return ok({ path: input.out, fingerprint: key.fingerprint });
  },
};
