/** What reading a request body came to. */
export type BodyRead =
  | { status: 'read'; text: string }
  /** The body passed the byte limit; the rest was not read. */
  | { status: 'too_large' }
  /** The body did not finish arriving before the deadline; the rest was not waited for. */
  | { status: 'timeout' };

/** A stream's `cancel()` may reject (it already failed) or never settle; neither concerns the answer. */
function release(reader: ReadableStreamDefaultReader): void {
  reader.cancel().catch(() => {});
}

/**
 * Reads a request body as UTF-8 text, up to `maxBytes` and within `timeoutMs`, so that neither a huge nor
 * a trickling body holds the route. Rejects when the stream fails (the client disconnected mid-body).
 */
export async function readBody(request: Request, maxBytes: number, timeoutMs: number): Promise<BodyRead> {
  if (request.body === null) return { status: 'read', text: '' };
  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(resolve, timeoutMs, 'timeout');
  });
  try {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let size = 0;
    while (true) {
      const chunk = await Promise.race([reader.read(), deadline]);
      if (chunk === 'timeout') {
        release(reader);
        return { status: 'timeout' };
      }
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        release(reader);
        return { status: 'too_large' };
      }
      chunks.push(chunk.value);
    }
    // Decodes as UTF-8, like `TextDecoder`.
    return { status: 'read', text: await new Blob(chunks).text() };
  } finally {
    clearTimeout(timer);
  }
}
