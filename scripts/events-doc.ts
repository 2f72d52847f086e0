/** Writes docs/events.md from the event catalogue (src/modules/events/catalogue.ts); run `npm run docs:events` after changing it. */
import fs from 'node:fs';
import { EVENT_CATALOGUE } from '../src/modules/events/catalogue.ts';
import { renderEventsDoc } from '../src/modules/events/catalogue-doc.ts';

fs.writeFileSync(new URL('../docs/events.md', import.meta.url), renderEventsDoc());
console.log(`docs/events.md: ${EVENT_CATALOGUE.length} events`);
