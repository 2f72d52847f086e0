import { signatureHeader, SIGNATURE_HEADER } from '../../webhooks/signature.ts';
import { isPermanentRefusal, MarketingRefusal, type MarketingProvider } from '../provider.ts';

/**
 * Marketing by webhook: each call is a POST of `{ type, data }` to one URL, signed like Cartwright's
 * webhooks (Cartwright-Signature, docs/webhooks.md), for a tool of the merchant's own (or Zapier)
 * to act on. Types: `contact.upserted`, `contact.removed`, `event.tracked`. Anything but a 2xx within
 * the timeout throws: a 4xx that means "never" (400, 404, 422…) as a refusal the sync dead-letters,
 * anything else as a failure it retries.
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
    if (response.ok) return;
    const message = `the marketing webhook answered ${response.status}`;
    throw isPermanentRefusal(response.status) ? new MarketingRefusal(response.status, message) : new Error(message);
  }
  return {
    id: 'webhook',
    upsertContact: (contact) => post('contact.upserted', contact),
    trackEvent: (event) => post('event.tracked', event),
    removeContact: (input) => post('contact.removed', input),
  };
}
