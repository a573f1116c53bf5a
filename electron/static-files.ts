/**
 * Serving the built renderer (`dist/renderer`) safely, shared by the Electron `app://`
 * protocol handler and the loopback host. Pure Node: no Electron import.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const contentTypeFor = (file: string): string =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

export interface StaticFile {
  /** Absolute path of the file that answers the request. */
  file: string;
  contentType: string;
  body: Buffer;
  /** True when the request named no file and got `index.html` (single-page app). */
  fallback: boolean;
}

/**
 * The file under `root` that answers `urlPath` (the URL's path, still percent-encoded),
 * or null. Never anything outside `root`: `..` segments, encoded separators, NUL bytes,
 * backslashes, dot-files and symlinks leading out are all refused. A path without a
 * file extension that names no file gets `index.html` (client-side routes).
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return null;

  const rootReal = await realDir(root);
  if (rootReal === null) return null;
  const candidate = segments.length === 0 ? 'index.html' : segments.join('/');
  const found = await readInside(rootReal, candidate);
  if (found) return { ...found, fallback: false };
  const last = segments.at(-1) ?? '';
  if (path.extname(last) !== '') return null;
  const index = await readInside(rootReal, 'index.html');
  return index ? { ...index, fallback: true } : null;
}

async function realDir(dir: string): Promise<string | null> {
  try {
    return await fs.realpath(dir);
  } catch {
    return null;
  }
}

async function readInside(rootReal: string, relative: string): Promise<Omit<StaticFile, 'fallback'> | null> {
  const joined = path.resolve(rootReal, relative);
  if (!isInside(rootReal, joined)) return null;

  try {
    const real = await fs.realpath(joined);
    if (!isInside(rootReal, real)) return null;
    const stat = await fs.stat(real);
    if (!stat.isFile()) return null;
    return { file: real, contentType: contentTypeFor(real), body: await fs.readFile(real) };
  } catch {
    return null;
  }
}

const isInside = (root: string, file: string): boolean => file.startsWith(root + path.sep);
