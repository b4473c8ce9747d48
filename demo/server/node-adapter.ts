/**
 * Node's `http` request/response ⇄ the web `Request`/`Response` that `createHarnessConnectHandler` speaks.
 * Any Node framework (Express, Connect, Vite's dev and preview servers) can mount a web-standard route this way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** Where the web `Request` carries the client's address (a web `Request` has no socket to ask). */
export const CLIENT_ADDRESS_HEADER = 'x-forwarded-for';

/**
 * A web `Request` for a Node request. The body is streamed, not buffered, so the route's own size limit
 * applies; the signal aborts when the client goes away before the answer is written.
 */
export function toWebRequest(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse): Request {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new DOMException('The client disconnected', 'AbortError'));
  });

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':') || name === CLIENT_ADDRESS_HEADER) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // The dev server faces its clients directly: what a client claims in this header is dropped and the
  // socket's address written instead, as a trusted proxy in front of an app does.
  headers.set(CLIENT_ADDRESS_HEADER, req.socket.remoteAddress ?? 'unknown');
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // Connect-style servers strip the mount path from `url`; `originalUrl` keeps it.
  const url = new URL(req.originalUrl ?? req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const init: RequestInit & { duplex?: 'half' } = {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  };
  return new Request(url, init);
}

/** Writes a web `Response` to a Node response. */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.setHeader('content-length', body.length);
  res.end(body);
}
