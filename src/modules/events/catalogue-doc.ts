import { Kind, OptionalKind, type TSchema } from '@sinclair/typebox';
import { EVENT_CATALOGUE } from './catalogue.ts';

/**
 * docs/events.md, generated from the catalogue (`npm run docs:events`; a test fails when the file is
 * not what this renders).
 */
export function renderEventsDoc(): string {
  const out: string[] = [HEADER];
  out.push('## All events', '', '| event | resource | what happened |', '|---|---|---|');
  for (const event of EVENT_CATALOGUE) out.push(`| [\`${event.type}\`](#${anchor(event.type)}) | \`${event.resource_type}\` | ${firstSentence(event.description)} |`);
  out.push('');
  const groups = new Map<string, typeof EVENT_CATALOGUE[number][]>();
  for (const event of EVENT_CATALOGUE) {
    const prefix = event.type.split('.')[0];
    groups.set(prefix, [...(groups.get(prefix) ?? []), event]);
  }
  for (const [prefix, events] of groups) {
    out.push(`## ${prefix}`, '');
    for (const event of events) {
      out.push(`### ${event.type}`, '', `${event.description} Resource: \`${event.resource_type}\` (\`resource_id\` is its id). Version ${event.version}.`, '');
      if (event.history.length) out.push(...event.history.map((change, i) => `- Version ${i + 2} added ${change}.`), '');
      out.push('| `data` field | type | notes |', '|---|---|---|');
      for (const row of fieldRows(event.payload, '')) out.push(row);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const HEADER = `# Events

<!-- Generated from src/modules/events/catalogue.ts by \`npm run docs:events\`. Do not edit by hand. -->

Every change of state in Cartwright records an event in the **outbox**, in the same database
transaction as the change: an event exists if and only if its change happened. The dispatcher hands
events to in-process subscribers and to [webhook endpoints](webhooks.md).

- **At least once.** An event may arrive more than once (a retry after a timeout, a process that died
  mid-delivery). Use the event \`id\` to ignore repeats; handle events idempotently.
- **In order per resource.** Events about one resource (\`resource_type\` + \`resource_id\`) arrive in the
  order their changes committed; a webhook delivery waits until the previous one for the same resource
  was delivered or given up. Events about different resources may arrive in any order.
- **Small payloads.** \`data\` carries ids and what changed, not whole objects. When you need the current
  state, read it through the API: a late or repeated event then never overwrites newer data with older.
  The exception is \`order.placed\`, which carries the whole order as \`GET /admin/orders/:id\` returned it
  when it was placed (lines, email, addresses, totals), so a receiver needn't call back for it.
- **Versioned.** Fields may be added to \`data\`; none is removed or changes meaning. New event types
  may be added. Each addition bumps the type's **version**, which every event records when it happens
  and its envelope carries as \`version\`: an event recorded before an upgrade keeps its old version and
  shape. Each event below lists its version and what each version added.

A webhook delivers this envelope as its JSON body:

\`\`\`json
{
  "id": "evt_01J8Z3…",
  "object": "event",
  "type": "order.placed",
  "created_at": "2025-01-31T12:00:00.000Z",
  "resource_type": "order",
  "resource_id": "ord_01J8Z3…",
  "version": 2,
  "data": { "order_id": "ord_01J8Z3…", "number": 1001, "cart_id": "cart_01J8…", "customer_id": null, "total": 5990, "currency_code": "USD", "order": { "id": "ord_01J8Z3…", "email": "…", "items": […], … } }
}
\`\`\`

An endpoint or subscriber chooses events by exact type (\`order.placed\`), by prefix (\`order.*\`,
\`inventory.*\`) or all (\`*\`).

`;

function anchor(type: string): string {
  return type.replace(/[^a-z0-9_]/g, '').toLowerCase();
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

function typeName(schema: TSchema): string {
  const kind = schema[Kind];
  if (kind === 'Union') {
    const members = (schema.anyOf as TSchema[]).map(typeName);
    return members.join(' \\| ');
  }
  if (kind === 'Array') return `${typeName(schema.items as TSchema)}[]`;
  if (kind === 'String') return schema.format ? `string (${schema.format})` : 'string';
  return String(kind).toLowerCase();
}

function fieldRows(schema: TSchema, path: string): string[] {
  const rows: string[] = [];
  for (const [name, field] of Object.entries(schema.properties as Record<string, TSchema>)) {
    const full = `${path}${name}`;
    const optional = field[OptionalKind] === 'Optional';
    const notes = [optional ? 'optional' : '', field.description ?? ''].filter(Boolean).join('; ');
    rows.push(`| \`${full}\` | ${typeName(field)} | ${notes} |`);
    const items = field[Kind] === 'Array' ? (field.items as TSchema) : undefined;
    if (items?.[Kind] === 'Object') rows.push(...fieldRows(items, `${full}[].`));
  }
  return rows;
}
