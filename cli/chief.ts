/**
 * `congress-desk export --pin-from-tty [--chief NAME]` on a congress with operators (issue 12
 * item 7): the export is the chief scrutineer's, as in the app. The CLI asks for the chief's PIN
 * on the terminal (no echo), or reads one line of stdin when it is not a terminal (a script, a
 * test piping it), signs the chief in at its station and makes the call with the chief's
 * confirmation through the dispatcher exactly as the app does: asked once, refused with
 * `chief_required` and a nonce, then made again with {operatorId, pin, nonce}
 * (db/operators/confirm.ts confirmWithPin). The PIN is never an argument: it would sit in the
 * shell's history and in the process list.
 */
import readline from 'node:readline';
import type { CallContext, Output } from '../core/contract.js';
import { type Result, refuse } from '../core/result.js';
import type { Backend } from '../db/backend-types.js';
import { confirmWithPin } from '../db/operators/confirm.js';

export interface ChiefOptions {
  /** Whether --pin-from-tty was given. */
  pinFromTty: boolean;
  /** --chief NAME: which chief scrutineer, when the congress has more than one. */
  chief: string | null;
  /** Reads the PIN after showing `prompt`; null when none came (end of input, Ctrl-C). */
  readPin: (prompt: string) => Promise<string | null>;
}

type ExportInput = { path: string; csvPath: string | null };

/** `result.export` as the CLI makes it: plainly on a congress without operators, else as the chief scrutineer. */
export async function exportAsChief(
  backend: Backend,
  input: ExportInput,
  ctx: Omit<CallContext, 'confirm'>,
  options: ChiefOptions,
): Promise<Result<unknown>> {
  const status = (await backend.invoke('station.status', {}, ctx)) as Result<Output<'station.status'>>;
  if (!status.ok) return status;
  if (!status.value.enforced) return backend.invoke('result.export', input, ctx);
  if (!options.pinFromTty) return refuse('locked', 'cli.pin_needed');

  const listed = (await backend.invoke('operators.list', {}, ctx)) as Result<Output<'operators.list'>>;
  if (!listed.ok) return listed;
  const chiefs = listed.value.filter(
    (o) => o.role === 'chief_scrutineer' && !o.disabled && (options.chief === null || o.name === options.chief),
  );
  if (chiefs.length === 0) {
    return options.chief === null
      ? refuse('not_found', 'cli.no_chief')
      : refuse('not_found', 'cli.chief_unknown', { name: options.chief }, { field: 'chief', value: options.chief });
  }
  if (chiefs.length > 1) {
    return refuse('invalid_input', 'cli.chief_ambiguous', { names: chiefs.map((c) => c.name).join('、') });
  }
  const chief = chiefs[0]!;
  const pin = await options.readPin(`总监票人 ${chief.name} 的 PIN (the chief scrutineer's PIN): `);
  if (pin === null || pin === '') return refuse('unauthorized', 'cli.pin_missing', { name: chief.name });

  const signedIn = (await backend.invoke('station.signIn', { operatorId: chief.id, pin }, ctx)) as Result<
    Output<'station.signIn'>
  >;
  if (!signedIn.ok) return signedIn;
  const session = { ...ctx, session: signedIn.value.token };
  try {
    return await confirmWithPin(backend, 'result.export', input, session, { operatorId: chief.id, pin });
  } finally {
    await backend.invoke('station.lock', {}, session);
  }
}

/**
 * The PIN from the terminal without echo, or the first line of stdin when it is piped. The prompt
 * goes to stderr, so that stdout carries only the export's report.
 */
export function readPinFromTty(prompt: string): Promise<string | null> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  if (!stdin.isTTY) {
    return new Promise((resolve) => {
      const lines = readline.createInterface({ input: stdin, terminal: false });
      let answered = false;
      lines.once('line', (line) => {
        answered = true;
        lines.close();
        resolve(line.trim());
      });
      lines.once('close', () => {
        if (!answered) resolve(null);
      });
    });
  }
  return new Promise((resolve) => {
    let typed = '';
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const done = (value: string | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(typed);
        if (ch === '\u0003') return done(null);
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}
