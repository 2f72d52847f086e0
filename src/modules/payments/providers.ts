import { AppError } from '../../http/errors.ts';
import type { PaymentProvider } from './provider.ts';
import { manualProvider } from './providers/manual.ts';
import { testCardProvider } from './providers/test-card.ts';

export type PaymentProviders = ReadonlyMap<string, PaymentProvider>;

/** The providers this shop offers, by id. */
export function builtInPaymentProviders(): PaymentProviders {
  return new Map([manualProvider, testCardProvider].map((p) => [p.id, p]));
}

export function providerOrThrow(providers: PaymentProviders, id: string): PaymentProvider {
  const provider = providers.get(id);
  if (!provider) throw new AppError('payment_provider_not_found', { field: 'body.provider_id', provider_id: id, available: [...providers.keys()] });
  return provider;
}
