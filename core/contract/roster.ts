/** The roster of delegates: one by one at the secretariat's desk, or a whole roster file. */
import { z } from 'zod';
import { base64, empty, id, text } from '../model/fields.js';
import { delegate, delegateFields, rosterPreview } from '../model/roster.js';
import { ROLES, S, type Section } from './spec.js';

const rosterFile = z.object({
  fileName: text(260),
  /** The file's bytes, base64: the UI reads the file, the backend parses it. */
  contentBase64: base64(48 * 1024 * 1024),
});

export const rosterCalls = {
  'delegates.list': { write: false, roles: ROLES, input: empty, output: z.array(delegate) },
  'delegates.add': { write: true, roles: [S], input: delegateFields.strict(), output: delegate },
  'delegates.update': {
    write: true,
    roles: [S],
    input: delegateFields.partial().extend({ id }).strict(),
    output: delegate,
  },
  'roster.preview': { write: false, roles: [S], input: rosterFile.strict(), output: rosterPreview },
  'roster.import': {
    write: true,
    roles: [S],
    input: rosterFile.strict(),
    output: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  },
} as const satisfies Section;
