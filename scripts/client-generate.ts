/** Writes src/client/api-types.ts from the OpenAPI document; run `npm run client:generate` after changing a route. */
import fs from 'node:fs';
import { generateClientTypes, GENERATED_TYPES_PATH } from '../src/client/generate.ts';

fs.writeFileSync(GENERATED_TYPES_PATH, await generateClientTypes());
console.log(`wrote ${GENERATED_TYPES_PATH.pathname}`);
