export interface Availability {
  /** False when the variant opted out of inventory tracking: always sellable, no quantity. */
  managed: boolean;
  allow_backorder: boolean;
  /** Units sellable now over active locations (0 when tracked without stock). */
  available: number;
}

/** Whether `quantity` more can be sold now. */
export function canSell(availability: Availability, quantity: number): boolean {
  return !availability.managed || availability.allow_backorder || availability.available >= quantity;
}
