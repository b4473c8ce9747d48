// True unless a browser says the request comes from another origin. Sec-Fetch-Site is sent by every current
// browser and a page cannot set it; Origin is the fallback for older ones. A request with neither comes from
// no browser page (curl, a server), so it carries no one's cookies: it passes.
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  return origin === new URL(request.url).origin;
}
