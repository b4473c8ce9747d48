/**
 * The Harness mock as a real HTTP server on localhost, for end-to-end tests, the demo page and anything
 * msw cannot intercept (another process, a browser on another port, curl).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createHarnessMock, type HarnessMock } from './harness-mock.js';

/** Options for {@link startHarnessMockServer}. */
export interface HarnessMockServerOptions {
  /** Port to listen on. Default 0: a free port chosen by the OS (read it from `url`). */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`, so the mock is never reachable from the network. */
  host?: string;
  /** The mock to answer with; a fresh one by default. */
  mock?: HarnessMock;
}

/** A running mock server. */
export interface HarnessMockServer {
  /** Its origin, e.g. `http://127.0.0.1:54321`: use it as the Harness base URL. */
  url: string;
  /** The mock behind it: set faults, read recorded requests. */
  mock: HarnessMock;
  /** Stops the server, destroying open connections (hanging requests included), and resolves when done. */
  close(): Promise<void>;
}

/** Reads the whole request body: Harness requests are tiny, and a Request needs it up front. */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Converts an IncomingMessage to a web Request whose signal is the client's connection. */
function toRequest(req: IncomingMessage, body: Buffer, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? new Uint8Array(body) : null,
    signal,
  });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (body.length > 0) res.setHeader('content-length', body.length);
  res.writeHead(response.status, response.statusText || undefined);
  res.end(body);
}

/** Resets the connection: a TCP RST where Node supports it (ECONNRESET for the client), else a close. */
function resetConnection(socket: Socket): void {
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/**
 * Starts the Harness mock on a node:http server. Every answer carries CORS headers (the origin is
 * echoed), so a browser page served from another localhost port can call it.
 *
 * @example
 * const server = await startHarnessMockServer();
 * await fetch(`${server.url}/ng/api/token/validate?accountIdentifier=${id}`, { method: 'POST', headers: { 'x-api-key': token } });
 * await server.close();
 */
export async function startHarnessMockServer(options: HarnessMockServerOptions = {}): Promise<HarnessMockServer> {
  const mock = options.mock ?? createHarnessMock();
  const host = options.host ?? '127.0.0.1';

  const server = createServer((req, res) => {
    // `close` on the response fires when the client goes away (or the server destroys the socket);
    // before the answer is written, that is the request being aborted.
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new DOMException('The client disconnected', 'AbortError'));
    });

    void (async () => {
      const body = await readBody(req);
      const local = `http://${req.headers.host ?? 'localhost'}`;
      const reply = await mock.handle(toRequest(req, body, local, controller.signal));
      if (reply.kind === 'response') await writeResponse(res, reply.response);
      else if (reply.kind === 'reset') resetConnection(req.socket);
      // 'hang': write nothing; the socket stays open until the client aborts or close() destroys it.
    })().catch((error: unknown) => {
      if (controller.signal.aborted || res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`harness mock failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('harness mock: unexpected server address');
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${address.port}`,
    mock,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive sockets and hanging requests would otherwise hold close() open forever.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
