import type { Db } from '../db/database.ts';
import { prepareEvaluationShop, type EvalFixture, type EvalRequest } from '../modules/assistant/evaluation.ts';
import { seedDemoSelling } from './demo-selling.ts';
import { DEMO_PRODUCTS, seedDemoCatalog } from './seed.ts';

/** The shop the assistant's evaluation asks its questions in: the demo catalog and stock, then its orders. */
export async function seedAssistantEvaluationShop(db: Db, request: EvalRequest): Promise<EvalFixture> {
  await seedDemoCatalog(db, { products: DEMO_PRODUCTS });
  await seedDemoSelling(db, { stockProducts: DEMO_PRODUCTS });
  return prepareEvaluationShop(request);
}
