import type { Carrier } from '../carrier.ts';

/**
 * Staff's own carrier: they buy labels elsewhere and type the tracking number when they ship
 * (POST /admin/orders/:id/fulfillments/:id/shipments). No rates, no labels, no webhooks.
 */
export const manualCarrier: Carrier = { id: 'manual' };
