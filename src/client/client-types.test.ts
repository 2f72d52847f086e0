import fs from 'node:fs';
import { expect, test } from 'vitest';
import { generateClientTypes, GENERATED_TYPES_PATH } from './generate.ts';

test('the committed client types match the served OpenAPI document (else run `npm run client:generate`)', async () => {
  const committed = fs.readFileSync(GENERATED_TYPES_PATH, 'utf8');
  // toBe on 1 MB strings prints a useless diff: compare, and name the first differing line.
  const generated = (await generateClientTypes()).split('\n');
  const lines = committed.split('\n');
  const line = generated.findIndex((text, i) => text !== lines[i]);
  const stale = line === -1 && generated.length === lines.length ? null
    : `src/client/api-types.ts is stale at line ${line + 1}: expected ${JSON.stringify(generated[line])}, found ${JSON.stringify(lines[line])}. Run npm run client:generate.`;
  expect(stale).toBeNull();
});
