/**
 * No network (issue 6, proof 5), the static half: the built renderer references no remote URL.
 * The dynamic half is in fixtures.ts: every request a page makes to anything but 127.0.0.1
 * fails the test it happens in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');

/**
 * Addresses that are names, never fetched: XML namespaces (SVG, XHTML, MathML), the page
 * React's production build names in an error message's text, and, since the window builds the
 * contract's schemas (core/roles.ts derives who may call what from them), zod's JSON Schema
 * dialect identifiers (`$schema`) and the `http://[…]` it hands to `new URL` to check an IPv6
 * address.
 */
const NAMES_NOT_FETCHED = [
  /^http:\/\/www\.w3\.org\//,
  /^https:\/\/react\.dev\/errors\//,
  /^https?:\/\/json-schema\.org\/draft[-/][\w/.-]*schema#?$/,
  /^http:\/\/\[\$\{\w+\}\]$/,
];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(js|css|html|svg|json|webmanifest)$/.test(e.name) ? [p] : [];
  });
}

test('the built renderer references no remote address', () => {
  const found: string[] = [];
  for (const file of files(dist)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]+/g)) {
      if (!NAMES_NOT_FETCHED.some((re) => re.test(m[0]))) found.push(`${path.relative(dist, file)}: ${m[0]}`);
    }
    // Protocol-relative addresses in markup and styles (//host/…) would load from the network too.
    if (/\.(html|css)$/.test(file)) {
      for (const m of text.matchAll(/(?:src|href|url)\s*[=(]\s*["']?\/\/[a-z0-9]/gi)) found.push(`${file}: ${m[0]}`);
    }
  }
  expect(files(dist).length).toBeGreaterThan(2);
  expect(found).toEqual([]);
});
