import type { StorefrontPages } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { EventSubscriber } from '../events/event-subscriber.ts';
import type { AppendOptions } from '../ledger/append.ts';
import { ledgerAppender } from '../ledger/ledger-appender.ts';
import { marketingSync } from '../marketing/marketing-sync.ts';
import type { MarketingProvider } from '../marketing/provider.ts';
import { giftCardEmails } from '../notifications/gift-card-emails.ts';
import { orderEmails } from '../notifications/order-emails.ts';
import { staffAlerts } from '../notifications/staff-alerts.ts';
import { recommendationScores } from '../insights/recommendation-scores.ts';
import { draftOrderCompletion } from '../orders/draft-orders.ts';
import { webhookFanOut } from '../webhooks/fan-out.ts';

/**
 * The subscribers every process runs: the one place to register a new one. Registered here, beside
 * the jobs and the background loops, so the modules that subscribe never depend on the list (nor the
 * events module on them). A subscriber added to a running shop starts from the first event still in
 * the outbox.
 */
export function builtInSubscribers(deps: {
  db: Db; webhookMaxAgeHours: number; emailTemplatesDir: string | null; storefront: StorefrontPages; orderNumberPrefix: string; marketing: MarketingProvider | null;
  /** Null when the ledger is off (LEDGER=off). */
  ledger: AppendOptions | null;
}): EventSubscriber[] {
  return [webhookFanOut(deps), orderEmails({ db: deps.db, templatesDir: deps.emailTemplatesDir, storefront: deps.storefront, orderNumberPrefix: deps.orderNumberPrefix }),
    giftCardEmails({ db: deps.db, templatesDir: deps.emailTemplatesDir, orderNumberPrefix: deps.orderNumberPrefix }),
    staffAlerts({ db: deps.db, templatesDir: deps.emailTemplatesDir }), draftOrderCompletion(deps.db), recommendationScores(deps.db),
    ...(deps.ledger ? [ledgerAppender(deps.db, deps.ledger)] : []),
    ...(deps.marketing ? [marketingSync({ db: deps.db, provider: deps.marketing, storefront: deps.storefront })] : [])];
}
