import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { Carrier } from './carrier.ts';
import { createEasyPostCarrier } from './carriers/easypost.ts';
import { manualCarrier } from './carriers/manual.ts';
import { createTestCarrier } from './carriers/test-carrier.ts';

export type Carriers = ReadonlyMap<string, Carrier>;

/**
 * The carriers this shop ships with, by id: manual and test_carrier always (test_carrier takes signed
 * webhooks when given a secret), EasyPost when EASYPOST_API_KEY is set.
 */
export function builtInCarriers(options: Partial<Pick<Config, 'testCarrierWebhookSecret' | 'easypostApiKey' | 'easypostWebhookSecret' | 'easypostApiBase'>> = {}): Carriers {
  const carriers: Carrier[] = [manualCarrier, createTestCarrier({ webhookSecret: options.testCarrierWebhookSecret ?? null })];
  if (options.easypostApiKey) {
    carriers.push(createEasyPostCarrier({ apiKey: options.easypostApiKey, webhookSecret: options.easypostWebhookSecret ?? null, apiBase: options.easypostApiBase ?? null }));
  }
  return new Map(carriers.map((c) => [c.id, c]));
}

export function carrierOrThrow(carriers: Carriers, id: string, field: string): Carrier {
  const carrier = carriers.get(id);
  if (!carrier) throw new AppError('carrier_not_found', { field, carrier_id: id, available: [...carriers.keys()] });
  return carrier;
}
