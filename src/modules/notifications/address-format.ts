import type { Address } from '../cart/schema.ts';

/**
 * A postal address as the lines a letter in its country carries, for emails: the locality line in the
 * country's order (US "Newark, NJ 07102", DE "10115 Berlin", GB town then postcode), then the country's
 * name. Countries not listed write the postal code first, as most of Europe and much of the world do,
 * with the province after the city.
 */
const LOCALITY: Record<string, (a: Address) => string[]> = {};
const cityProvincePostal = (a: Address) => [[`${a.city}${a.province ? `, ${a.province}` : ''}`, a.postal_code].filter(Boolean).join(' ')];
const cityProvincePostalNoComma = (a: Address) => [[a.city, a.province, a.postal_code].filter(Boolean).join(' ')];
const townThenPostcode = (a: Address) => [a.city, ...(a.province ? [a.province] : []), a.postal_code];
for (const code of ['US', 'CA', 'PR', 'PH', 'TW']) LOCALITY[code] = cityProvincePostal;
for (const code of ['AU', 'NZ', 'SG', 'MY', 'ZA']) LOCALITY[code] = cityProvincePostalNoComma;
for (const code of ['GB', 'IE', 'IM', 'JE', 'GG']) LOCALITY[code] = townThenPostcode;
const postalCity = (a: Address) => [[a.postal_code, a.city, a.province].filter(Boolean).join(' ')];

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function addressLines(address: Address): string[] {
  const locality = (LOCALITY[address.country_code] ?? postalCity)(address);
  return [
    [address.first_name, address.last_name].filter(Boolean).join(' '),
    ...(address.company ? [address.company] : []),
    address.address_1,
    ...(address.address_2 ? [address.address_2] : []),
    ...locality,
    regionNames.of(address.country_code) ?? address.country_code,
  ];
}
