import type { PaymentProvider } from '../provider.ts';

/**
 * Manual payment (bank transfer, cash on delivery, invoice): authorized at once, captured by staff when
 * the money arrives — never at checkout, even with PAYMENT_CAPTURE=automatic, since nothing has been
 * paid yet. No gateway, so nothing can fail.
 */
export const manualProvider: PaymentProvider = {
  id: 'manual',
  neverAutoCapture: true,
  async initiate() {
    return { data: {} };
  },
  async authorize({ reference }) {
    return { provider_reference: `manual_${reference}` };
  },
  async capture({ provider_reference }) {
    return { provider_reference };
  },
  async refund({ provider_reference }) {
    return { provider_reference };
  },
  async cancel() {},
  async status({ provider_reference }) {
    return { status: provider_reference ? 'authorized' : 'not_found', provider_reference };
  },
};
