import { signatureHeader, SIGNATURE_HEADER } from '../../webhooks/signature.ts';
import type { MarketingProvider } from '../provider.ts';

/**
 * Marketing by webhook: each call is a POST of `{ type, data }` to one URL, signed like Cartwright's
 * webhooks (Cartwright-Signature, docs/webhooks.md), for a tool of the merchant's own (or Zapier)
 * to act on. Types: `contact.upserted`, `contact.removed`, `event.tracked`. Anything but a 2xx within
 * the timeout throws, and the sync retries it.
 */
export function createWebhookMarketingProvider(options: { url: string; secret: string; timeoutMs: number }): MarketingProvider {
  async function post(type: string, data: object): Promise<void> {
    const body = JSON.stringify({ type, data });
    const response = await fetch(options.url, {
      method: 'POST', signal: AbortSignal.timeout(options.timeoutMs),
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureHeader(options.secret, body), 'user-agent': 'Cartwright-Marketing/1' },
      body,
    });
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`the marketing webhook answered ${response.status}`);
  }
  return {
    id: 'webhook',
    upsertContact: (contact) => post('contact.upserted', contact),
    trackEvent: (event) => post('event.tracked', event),
    removeContact: (input) => post('contact.removed', input),
  };
}
