import { readSession, TOKEN_KEY, writeSession } from './session-keys.js';

/**
 * The loopback host's per-run secret. It arrives in the page URL (`?token=…`, before or
 * inside the hash) and is kept in sessionStorage so that reloads and hash routes work.
 */
export function loopbackToken(): string {
  const fromUrl = tokenFromUrl(window.location);
  if (fromUrl) {
    writeSession(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return readSession(TOKEN_KEY) ?? '';
}

function tokenFromUrl(location: Location): string | null {
  const search = new URLSearchParams(location.search).get('token');
  if (search) return search;
  const hashQuery = location.hash.indexOf('?');
  if (hashQuery >= 0) return new URLSearchParams(location.hash.slice(hashQuery + 1)).get('token');
  return null;
}
