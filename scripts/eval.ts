/**
 * `npm run eval`: the recommender and the forecaster against their baselines on a full-size synthetic
 * history (src/modules/insights/evaluation.ts), and the shopping assistant's fixed questions
 * (scripts/eval-assistant.ts), printed as tables and written into docs/insights.md between its eval
 * markers. Same seed, same figures.
 */
import fs from 'node:fs';
import { evaluate, type Evaluation } from '../src/modules/insights/evaluation.ts';
import { FULL_SIZE } from '../src/modules/insights/synthetic-history.ts';
import { runAssistantEvaluation } from './eval-assistant.ts';

const SEED = 7;
const started = Date.now();
const result = evaluate(SEED, FULL_SIZE, { horizon: 14, origins: 8, step: 14 });
const assistant = await runAssistantEvaluation();
const seconds = ((Date.now() - started) / 1000).toFixed(1);

function table(r: Evaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const { frequently_bought_together: fbt, for_customer: cus, forecast: f } = r;
  return [
    `Synthetic history: seed ${r.seed}, ${r.size.days} days, ${r.size.products} products in ${r.size.categories} categories, `
      + `${r.size.customers} customers, ${r.orders} orders; ${f.series} daily demand series.`,
    '',
    '| recommendations (held-out last 20 % of orders) | queries | model hit-rate@10 | popularity hit-rate@10 | ratio (≥ 2) |',
    '|---|---:|---:|---:|---:|',
    `| frequently bought together (GET /store/products/:id/recommendations) | ${fbt.queries} | ${pct(fbt.model)} | ${pct(fbt.popularity)} | ${fbt.ratio.toFixed(2)}× |`,
    `| from the customer's history (GET /store/customers/me/recommendations) | ${cus.queries} | ${pct(cus.model)} | ${pct(cus.popularity)} | ${cus.ratio.toFixed(2)}× |`,
    '',
    `| forecast (rolling origin: ${f.origins} origins two weeks apart, ${f.horizon}-day horizon) | MASE | WAPE |`,
    '|---|---:|---:|',
    `| robust Holt-Winters, damped trend, weekly season | ${f.model_mase.toFixed(3)} | ${pct(f.model_wape)} |`,
    `| seasonal naive (same weekday last week) | ${f.naive_mase.toFixed(3)} | ${pct(f.naive_wape)} |`,
    `| improvement in MASE (≥ 20 %) | ${pct(f.improvement)} | |`,
    '',
    '| shopping assistant, no model (fixed questions over the demo catalog) | questions | right | share (≥ 90 %) |',
    '|---|---:|---:|---:|',
    `| products, follow-ups, cart proposals, order status, refusals, policies | ${assistant.questions} | ${assistant.right} | ${pct(assistant.right / assistant.questions)} |`,
    ...(assistant.wrong.length ? ['', 'Answered wrong:', ...assistant.wrong.map((w) => `- “${w.ask}” (as ${w.as}): ${w.why}`)] : []),
  ].join('\n');
}

const text = table(result);
console.log(text);
console.log(`\n(${seconds} s)`);
const doc = new URL('../docs/insights.md', import.meta.url);
const page = fs.readFileSync(doc, 'utf8');
const start = '<!-- eval:start (npm run eval writes this part) -->';
const end = '<!-- eval:end -->';
const from = page.indexOf(start);
const to = page.indexOf(end);
if (from < 0 || to < from) throw new Error(`docs/insights.md has no ${start} … ${end} markers`);
fs.writeFileSync(doc, `${page.slice(0, from + start.length)}\n${text}\n${page.slice(to)}`);
console.log('docs/insights.md: figures written');
const pass = result.frequently_bought_together.ratio >= 2 && result.for_customer.ratio >= 2 && result.forecast.improvement >= 0.2
  && assistant.right / assistant.questions >= 0.9;
if (!pass) {
  console.error('below the thresholds');
  process.exitCode = 1;
}
