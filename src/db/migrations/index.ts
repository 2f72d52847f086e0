import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-selling.ts';
import * as m0003 from './0003-access.ts';
import * as m0004 from './0004-customers.ts';
import * as m0005 from './0005-order-operations.ts';
import * as m0006 from './0006-automation.ts';
import * as m0007 from './0007-event-versions.ts';
import * as m0008 from './0008-promotions.ts';
import * as m0009 from './0009-ledger.ts';
import * as m0010 from './0010-purchasing.ts';
import * as m0011 from './0011-insights.ts';
import * as m0012 from './0012-integrations.ts';
import * as m0013 from './0013-search.ts';
import * as m0014 from './0014-price-lists.ts';
import * as m0015 from './0015-gift-cards.ts';
import * as m0016 from './0016-promotion-conditions.ts';
import * as m0017 from './0017-assistant.ts';
import * as m0018 from './0018-marketing-events.ts';
import * as m0019 from './0019-gift-card-products.ts';
import * as m0020 from './0020-gift-card-sales.ts';
import * as m0021 from './0021-landed-costs.ts';

/**
 * The migration set, in order. A released migration is never edited: add a new file and list it here.
 * Each is a list of single SQL statements (PGlite's extended protocol runs one statement per query).
 */
export const migrations: Record<string, { statements: string[] }> = {
  '0001-foundation': m0001,
  '0002-selling': m0002,
  '0003-access': m0003,
  '0004-customers': m0004,
  '0005-order-operations': m0005,
  '0006-automation': m0006,
  '0007-event-versions': m0007,
  '0008-promotions': m0008,
  '0009-ledger': m0009,
  '0010-purchasing': m0010,
  '0011-insights': m0011,
  '0012-integrations': m0012,
  '0013-search': m0013,
  '0014-price-lists': m0014,
  '0015-gift-cards': m0015,
  '0016-promotion-conditions': m0016,
  '0017-assistant': m0017,
  '0018-marketing-events': m0018,
  '0019-gift-card-products': m0019,
  '0020-gift-card-sales': m0020,
  '0021-landed-costs': m0021,
};
