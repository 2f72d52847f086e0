import { AppError } from '../../errors.ts';
import { percentToPpm, ppmToPercent } from './tax-calculator.ts';

/**
 * The parts per million of a rate the API gave as a percent. Refuses a percent that ppm cannot hold
 * exactly (more than 4 decimals), so what is read back is always what was sent: 8.875 stays 8.875.
 */
export function ratePpmFromPercent(percent: number, field: string): number {
  const ppm = percentToPpm(percent);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100 || ppmToPercent(ppm) !== percent) {
    throw new AppError('invalid_request', { field, rule: 'multipleOf' }, `${field} must be a percent from 0 to 100 with at most 4 decimals`);
  }
  return ppm;
}
