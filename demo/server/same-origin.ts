/**
 * Whether a request comes from one of the app's own pages. Vite's dev and preview servers answer CORS
 * preflights from any `http://localhost:*` origin, so without this check any page on the machine could
 * link and unlink Shipyard's accounts (a cross-site request forgery).
 */

/**
 * True unless a browser says the request comes from another origin. `Sec-Fetch-Site` is sent by every
 * current browser and cannot be set by a page; `Origin` is the fallback for older ones. A request with
 * neither comes from no browser page (curl, a test, a server) and so carries no one's cookies: it passes.
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  return origin === new URL(request.url).origin;
}
