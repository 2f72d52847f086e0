import type { Config } from '../../config.ts';
import type { MarketingProvider } from './provider.ts';
import { createWebhookMarketingProvider } from './providers/webhook.ts';

/** The shop's marketing tool: the signed webhook when MARKETING_WEBHOOK_URL is set, else none (nothing is synced). */
export function configuredMarketingProvider(config: Pick<Config, 'marketingWebhookUrl' | 'marketingWebhookSecret' | 'webhookTimeoutMs'>): MarketingProvider | null {
  if (config.marketingWebhookUrl && config.marketingWebhookSecret) {
    return createWebhookMarketingProvider({ url: config.marketingWebhookUrl, secret: config.marketingWebhookSecret, timeoutMs: config.webhookTimeoutMs });
  }
  return null;
}
