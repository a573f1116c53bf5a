/**
 * Writes docs/result-file.schema.json from the schema the app writes and verifies with
 * (core/result-file.ts), so the published schema cannot drift: a test compares the two.
 *   npx tsx scripts/result-schema.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resultJsonSchema } from '../core/result-file.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'result-file.schema.json');
fs.writeFileSync(target, `${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
