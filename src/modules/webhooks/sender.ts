import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { guardedLookup, urlProblem, type AddressPolicy } from './address-policy.ts';
import type { AttemptResult } from './deliveries.ts';

const SNIPPET_BYTES = 1024;
export const USER_AGENT = 'Cartwright-Webhooks/1';

/**
 * POSTs a delivery. Success is a 2xx answer within `timeoutMs`; anything else (another status, a
 * redirect — never followed —, a timeout, a refused connection, an address the policy forbids) is a
 * failure the caller retries. Keeps the first 1 KB of the answer for the attempt log.
 */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, options: { timeoutMs: number; policy: AddressPolicy }): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = urlProblem(url, options.policy);
  if (problem) return { ok: false, status_code: null, duration_ms: 0, error: `not sent: ${problem}`, response_snippet: null };
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<AttemptResult, 'duration_ms'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, duration_ms: elapsed() });
    };
    const request = client.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, 'content-length': Buffer.byteLength(body), ...headers },
      lookup: guardedLookup(options.policy) as never,
      signal: AbortSignal.timeout(options.timeoutMs),
      agent: false,
    }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const status = response.statusCode ?? 0;
        const snippet = Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8');
        const ok = status >= 200 && status < 300;
        finish({ ok, status_code: status, error: ok ? null : `HTTP ${status}`, response_snippet: snippet || null });
        response.destroy();
      };
      response.on('data', (chunk: Buffer) => {
        if (size < SNIPPET_BYTES) chunks.push(chunk);
        size += chunk.length;
        if (size >= SNIPPET_BYTES) done();
      });
      response.on('end', done);
      response.on('error', done);
    });
    request.on('error', (error: Error & { code?: string }) => {
      const reason = error.name === 'AbortError' || error.name === 'TimeoutError' ? `timed out after ${options.timeoutMs} ms`
        : error.name === 'BlockedAddressError' ? `not sent: ${error.message}` : `${error.code ?? error.name}: ${error.message}`;
      finish({ ok: false, status_code: null, error: reason, response_snippet: null });
    });
    request.end(body);
  });
}
