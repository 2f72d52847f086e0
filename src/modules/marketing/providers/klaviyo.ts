import { minorUnitDigits } from '../../../money/currency.ts';
import { isPermanentRefusal, MarketingRefusal, type MarketingContact, type MarketingEvent, type MarketingProvider, type RemovalReason } from '../provider.ts';

/** The API revision these calls are written against (Klaviyo dates its API versions). */
export const KLAVIYO_REVISION = '2025-01-15';

/** The metric each of our events becomes: Klaviyo's own names, so its e-commerce flows pick them up. */
const METRICS: Record<MarketingEvent['name'], string> = {
  order_placed: 'Placed Order',
  cart_abandoned: 'Abandoned Cart',
  product_viewed: 'Viewed Product',
};

export interface KlaviyoOptions {
  apiKey: string;
  /** The list consenting contacts are subscribed to; without one, contacts are kept but not subscribed. */
  listId: string | null;
  /** https://a.klaviyo.com, or a local fake in tests. */
  baseUrl: string;
  timeoutMs: number;
}

/**
 * Klaviyo over its REST API (docs/marketing.md), with fetch: its SDK brings axios and a generated
 * client for hundreds of endpoints to make five calls. Contacts are profiles keyed by our customer id
 * (`external_id`), so a repeated upsert updates one profile; events carry our event id as Klaviyo's
 * `unique_id`, which Klaviyo deduplicates on, so an event handed twice is recorded once.
 */
export function createKlaviyoProvider(options: KlaviyoOptions): MarketingProvider {
  async function call(method: 'GET' | 'POST', path: string, body?: object): Promise<any> {
    const response = await fetch(`${options.baseUrl}${path}`, {
      method, signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        authorization: `Klaviyo-API-Key ${options.apiKey}`, revision: KLAVIYO_REVISION,
        accept: 'application/vnd.api+json', ...(body ? { 'content-type': 'application/vnd.api+json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (response.ok) return text ? JSON.parse(text) : null;
    const detail = errorDetail(text);
    const message = `Klaviyo answered ${response.status} to ${method} ${path.split('?')[0]}${detail ? `: ${detail}` : ''}`;
    throw isPermanentRefusal(response.status) ? new MarketingRefusal(response.status, message) : new Error(message);
  }

  async function setSubscriptions(contact: Pick<MarketingContact, 'email' | 'phone'>, channels: { email: boolean; sms: boolean }, subscribe: boolean) {
    if (!options.listId || (!channels.email && !(channels.sms && contact.phone))) return;
    const consent = { consent: subscribe ? 'SUBSCRIBED' : 'UNSUBSCRIBED' };
    await call('POST', subscribe ? '/api/profile-subscription-bulk-create-jobs' : '/api/profile-subscription-bulk-delete-jobs', {
      data: {
        type: subscribe ? 'profile-subscription-bulk-create-job' : 'profile-subscription-bulk-delete-job',
        attributes: {
          profiles: {
            data: [{
              type: 'profile',
              attributes: {
                email: contact.email, ...(channels.sms && contact.phone ? { phone_number: contact.phone } : {}),
                subscriptions: { ...(channels.email ? { email: { marketing: consent } } : {}), ...(channels.sms && contact.phone ? { sms: { marketing: consent } } : {}) },
              },
            }],
          },
        },
        relationships: { list: { data: { type: 'list', id: options.listId } } },
      },
    });
  }

  async function profileIdOf(customerId: string): Promise<string | null> {
    const found = await call('GET', `/api/profiles?filter=${encodeURIComponent(`equals(external_id,"${customerId}")`)}`);
    return found?.data?.[0]?.id ?? null;
  }

  return {
    id: 'klaviyo',
    async upsertContact(contact) {
      await call('POST', '/api/profile-import', {
        data: {
          type: 'profile',
          attributes: {
            external_id: contact.customer_id, email: contact.email, first_name: contact.first_name, last_name: contact.last_name,
            ...(contact.phone ? { phone_number: contact.phone } : {}), properties: { cartwright_tags: contact.tags },
          },
        },
      });
      await setSubscriptions(contact, { email: contact.consent.email, sms: contact.consent.sms }, true);
      // SMS consent can be withdrawn while email's stays: tell Klaviyo, or it would keep texting.
      if (!contact.consent.sms && contact.phone) await setSubscriptions(contact, { email: false, sms: true }, false);
    },
    async trackEvent(event) {
      const value = typeof event.properties.value === 'number' && typeof event.properties.currency_code === 'string'
        ? { value: event.properties.value / 10 ** minorUnitDigits(event.properties.currency_code), value_currency: event.properties.currency_code }
        : {};
      await call('POST', '/api/events', {
        data: {
          type: 'event',
          attributes: {
            properties: event.properties, time: event.occurred_at, unique_id: event.event_id, ...value,
            metric: { data: { type: 'metric', attributes: { name: METRICS[event.name] } } },
            profile: { data: { type: 'profile', attributes: { external_id: event.customer_id, email: event.email } } },
          },
        },
      });
    },
    async removeContact(input: { customer_id: string; email: string | null; reason: RemovalReason }) {
      if (input.reason === 'consent_withdrawn') {
        if (input.email) await setSubscriptions({ email: input.email, phone: null }, { email: true, sms: false }, false);
        return;
      }
      // Erased here: ask Klaviyo to erase the profile too (its data-privacy deletion), found by our id
      // since the email is already gone from our side.
      const profileId = await profileIdOf(input.customer_id);
      if (!profileId) return;
      await call('POST', '/api/data-privacy-deletion-jobs', {
        data: { type: 'data-privacy-deletion-job', attributes: { profile: { data: { type: 'profile', id: profileId } } } },
      });
    },
  };
}

/** Klaviyo's JSON:API error detail, if the body has one. */
function errorDetail(text: string): string | null {
  try {
    const errors = JSON.parse(text)?.errors;
    return Array.isArray(errors) && errors.length > 0 ? String(errors[0].detail ?? errors[0].title ?? '').slice(0, 500) || null : null;
  } catch {
    return null;
  }
}
