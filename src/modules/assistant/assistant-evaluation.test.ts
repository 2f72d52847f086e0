import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestShop, type TestShop } from '../../../test/helpers/test-shop.ts';
import { seedAssistantEvaluationShop } from '../../demo/assistant-evaluation-shop.ts';
import { evaluateAssistant, QUESTIONS, SMALL_SET, type EvalFixture } from './evaluation.ts';

/**
 * The assistant's evaluation in small (`npm run eval` asks all of QUESTIONS): a quarter of the
 * questions, of every kind, over the demo catalog, without a model; every one must be right.
 */
let shop: TestShop;
let fixture: EvalFixture;
beforeAll(async () => {
  shop = await startTestShop();
  fixture = await seedAssistantEvaluationShop(shop.db, (method, url, options) => shop.request(method, url, options));
}, 120_000);
afterAll(async () => shop?.close());

test('the evaluation asks at least 50 questions, and the small set some of each kind', () => {
  expect(QUESTIONS.length).toBeGreaterThanOrEqual(50);
  const kinds = (questions: typeof QUESTIONS) => new Set(questions.map((q) => Object.keys(q.expect)[0]));
  expect(kinds(SMALL_SET)).toEqual(new Set(['products', 'no_products', 'order', 'refused', 'policy', 'cart', 'asks_which', 'reply']));
});

test('without a model, every question of the small set is answered right', async () => {
  const result = await evaluateAssistant((method, url, options) => shop.request(method, url, options), fixture, SMALL_SET);
  expect(result.wrong).toEqual([]);
  expect(result.right).toBe(SMALL_SET.length);
}, 120_000);
