import { AppError } from '../../errors.ts';
import type { Config } from '../../config.ts';
import type { PaymentProvider } from './provider.ts';
import { manualProvider } from './providers/manual.ts';
import { stripeProvider } from './providers/stripe.ts';
import { createTestCardProvider } from './providers/test-card.ts';

export type PaymentProviders = ReadonlyMap<string, PaymentProvider>;

/**
 * The providers this shop offers, by id: manual and test_card always (test_card takes signed webhooks
 * when given a secret), Stripe when STRIPE_SECRET_KEY is set.
 */
export function builtInPaymentProviders(options: Partial<Pick<Config, 'testCardWebhookSecret' | 'stripeSecretKey' | 'stripeWebhookSecret' | 'stripeApiBase' | 'paymentTimeoutMs'>> = {}): PaymentProviders {
  const providers: PaymentProvider[] = [manualProvider, createTestCardProvider({ webhookSecret: options.testCardWebhookSecret ?? null })];
  if (options.stripeSecretKey) {
    const base = options.stripeApiBase ? new URL(options.stripeApiBase) : null;
    providers.push(stripeProvider({
      secretKey: options.stripeSecretKey,
      webhookSecret: options.stripeWebhookSecret ?? null,
      timeoutMs: options.paymentTimeoutMs,
      ...(base ? { host: base.hostname, port: Number(base.port) || undefined, protocol: base.protocol === 'http:' ? 'http' : 'https' } : {}),
    }));
  }
  return new Map(providers.map((p) => [p.id, p]));
}

export function providerOrThrow(providers: PaymentProviders, id: string): PaymentProvider {
  const provider = providers.get(id);
  if (!provider) throw new AppError('payment_provider_not_found', { field: 'body.provider_id', provider_id: id, available: [...providers.keys()] });
  return provider;
}
