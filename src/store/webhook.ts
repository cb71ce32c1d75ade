/**
 * One POST to a chat webhook. Plain global fetch, no dependency: Node 20's fetch ignores
 * HTTPS_PROXY; Node 22.21+ and 24+ honour HTTP(S)_PROXY and NO_PROXY when started with
 * NODE_USE_ENV_PROXY=1 (or --use-env-proxy, also in NODE_OPTIONS), read by Node at start-up.
 */
import { retryDelayMs, statusVerdict } from '../core/notify.js';
import { VERSION } from '../version.js';

/** Tries per post within one command (the first and two retries). */
export const ATTEMPTS_PER_RUN = 3;

export interface SendOptions {
  /** Per request. */
  timeoutMs: number;
  /** The first retry's wait; the second waits twice that (or what Retry-After asks, capped). */
  backoffMs: number;
}

export type PostResult = { ok: true } | { ok: false; permanent: boolean; reason: string };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Why a request did not get an answer, in a few words (never the URL: it is a secret). */
function networkReason(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; cause?: { code?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
  const code = err.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET') return 'connection reset';
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return `network error ${code}`;
  return 'network error';
}

/** One POST of a JSON body, tried up to ATTEMPTS_PER_RUN times for a network error, 429 or 5xx. */
export async function postJson(url: string, body: string, options: SendOptions): Promise<PostResult> {
  let reason = 'network error';
  for (let attempt = 1; attempt <= ATTEMPTS_PER_RUN; attempt++) {
    let retryAfter: string | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': `async-standup/${VERSION}` },
        body,
        // A redirect is not followed: the body would go wherever it points.
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      // The answer's body is never needed (nor shown: it may echo the URL); it is not read either.
      await response.body?.cancel().catch(() => undefined);
      const verdict = statusVerdict(response.status);
      if (verdict === 'sent') return { ok: true };
      reason = `HTTP ${response.status}`;
      if (verdict === 'permanent') return { ok: false, permanent: true, reason };
      retryAfter = response.headers.get('retry-after');
    } catch (error) {
      reason = networkReason(error, options.timeoutMs);
    }
    if (attempt < ATTEMPTS_PER_RUN) await sleep(retryDelayMs(attempt, options.backoffMs, retryAfter, Date.now()));
  }
  return { ok: false, permanent: false, reason };
}
