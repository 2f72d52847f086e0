import type { Config } from '../../config.ts';
import type { MarketingProvider } from './provider.ts';
import { createKlaviyoProvider } from './providers/klaviyo.ts';
import { createWebhookMarketingProvider } from './providers/webhook.ts';

type MarketingConfig = Pick<Config, 'marketingWebhookUrl' | 'marketingWebhookSecret' | 'klaviyoApiKey' | 'klaviyoListId' | 'klaviyoApiBase' | 'webhookTimeoutMs'>;

/** The shop's marketing tool: the signed webhook, Klaviyo, or none (nothing is synced); config allows one. */
export function configuredMarketingProvider(config: MarketingConfig): MarketingProvider | null {
  if (config.marketingWebhookUrl && config.marketingWebhookSecret) {
    return createWebhookMarketingProvider({ url: config.marketingWebhookUrl, secret: config.marketingWebhookSecret, timeoutMs: config.webhookTimeoutMs });
  }
  if (config.klaviyoApiKey) {
    return createKlaviyoProvider({ apiKey: config.klaviyoApiKey, listId: config.klaviyoListId, baseUrl: config.klaviyoApiBase ?? 'https://a.klaviyo.com', timeoutMs: config.webhookTimeoutMs });
  }
  return null;
}
