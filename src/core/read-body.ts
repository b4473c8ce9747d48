/**
 * Reading an answer's body with a byte cap. `response.text()` reads everything first: a proxy's 400 MB
 * answer would cost that much memory before any check could refuse it.
 */

/** Nothing to do when cancelling the rest of a body fails: the answer is refused already. */
function ignoreCancelFailure(): void {}

/**
 * The body decoded as UTF-8 (JSON's encoding), or `null` when it is larger than `maxBytes`: the rest is
 * then cancelled, never downloaded. A Response without a body reads as `''`. Rejects with the signal's
 * reason when it aborts mid-read: a runtime's `fetch` ties its body to the request's signal, a host's own
 * `fetch` may not, so the read is cancelled here too.
 */
export async function readCappedText(response: Response, maxBytes: number, signal: AbortSignal): Promise<string | null> {
  const { body } = response;
  if (body === null || body === undefined) return '';
  signal.throwIfAborted();
  const reader = body.getReader();
  const onAbort = () => {
    reader.cancel(signal.reason).catch(ignoreCancelFailure);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const chunk = await reader.read();
      signal.throwIfAborted();
      if (chunk.done) return text + decoder.decode();
      bytes += chunk.value.byteLength;
      if (bytes > maxBytes) {
        reader.cancel().catch(ignoreCancelFailure);
        return null;
      }
      // `stream: true` keeps a character split across two chunks whole.
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
