import type { Carrier } from '../carrier.ts';

export function createEasyPostCarrier(_options: { apiKey: string; webhookSecret: string | null; apiBase: string | null }): Carrier {
  throw new Error('not yet');
}
