import { WebhookRejection } from '../../errors.ts';

/**
 * The seam between Cartwright and a shipping carrier (docs/shipping.md), modelled on the carriers'
 * own APIs (EasyPost, Shippo): rates for a parcel between two addresses, a label bought for a
 * shipment, a label voided, and tracking webhooks read into shipment events. Carriers never see our
 * database; what they answer is stored by the shipping module.
 */
export interface Carrier {
  readonly id: string;
  /**
   * The services the carrier offers (optional, like the label methods: the `manual` carrier has none,
   * staff type its tracking numbers).
   *
   * The services the carrier offers for this parcel and their prices, in `currency_code`'s minor unit.
   * Must stop when `signal` aborts (our timeout): checkout then falls back to the option's fixed amount.
   * Throws CarrierError when the carrier refuses or is down.
   */
  rates?(input: RateRequest): Promise<CarrierRate[]>;
  /**
   * Buys a label. `reference` is ours (the label id) and the carrier's idempotency key: asking twice
   * (a retry after a timeout, a crash) never buys two labels.
   */
  createLabel?(input: LabelRequest): Promise<PurchasedLabel>;
  /** Voids a label not yet used (the carrier refunds it). Safe to repeat. */
  cancelLabel?(input: { provider_reference: string; signal: AbortSignal }): Promise<void>;
  /**
   * Verifies a tracking webhook (its signature, over the body exactly as received) and reads the event
   * out of it. Throws CarrierWebhookError when the body is not the carrier's. Optional: a carrier
   * without one takes no webhooks (POST /store/webhooks/carriers/:carrier is 404).
   */
  parseWebhook?(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): TrackingEvent;
}

export interface ParcelAddress {
  name?: string | null;
  address_1?: string | null;
  city?: string | null;
  postal_code: string;
  province?: string | null;
  country_code: string;
}

/** What is being sent: total weight, and outer dimensions when the variants have them. */
export interface Parcel {
  weight_grams: number;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
}

export interface RateRequest {
  from: ParcelAddress;
  to: ParcelAddress;
  parcel: Parcel;
  currency_code: string;
  signal: AbortSignal;
}

export interface CarrierRate {
  /** The carrier's service code (ground, express…), what a shipping option names in carrier_service. */
  service: string;
  amount: number;
  currency_code: string;
}

export interface LabelRequest extends Omit<RateRequest, 'currency_code'> {
  reference: string;
  service: string | null;
}

export interface PurchasedLabel {
  provider_reference: string;
  tracking_number: string;
  tracking_url: string | null;
  label_url: string;
  amount: number | null;
  currency_code: string | null;
}

/** Where a shipment is, in our terms: the carriers' many statuses map onto these. */
export type TrackingStatus = 'label_created' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';
export const TRACKING_STATUSES: readonly TrackingStatus[] = ['label_created', 'in_transit', 'out_for_delivery', 'delivered', 'exception'];

export interface TrackingEvent {
  /** The carrier's event id: the inbox stores each one once. */
  id: string;
  tracking_number: string;
  status: TrackingStatus;
  occurred_at: Date;
  description: string | null;
}

export type CarrierErrorCode = 'carrier_unavailable' | 'carrier_timeout' | 'carrier_refused';

/** A carrier's refusal (`carrier_refused`: a bad address, no service) or failure (down, too slow). */
export class CarrierError extends Error {
  constructor(readonly code: CarrierErrorCode, message: string) {
    super(message);
    this.name = 'CarrierError';
  }
}

/** A webhook that did not come from the carrier (bad signature) or that it could not have sent. */
export class CarrierWebhookError extends WebhookRejection {}

/** Rejects when `signal` aborts: a carrier call never outlives our timeout. */
export function abortable<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new CarrierError('carrier_timeout', 'The carrier did not answer in time.'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
