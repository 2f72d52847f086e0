/** Writes docs/errors.md from the error table (src/errors.ts); run `npm run docs:errors` after adding a code. */
import { errorTable } from '../src/errors.ts';
import fs from 'node:fs';
const src = fs.readFileSync(new URL('../src/errors.ts', import.meta.url), 'utf8');
let out = `# Error codes

Every error response has the same shape, whatever the route:

\`\`\`json
{ "error": { "code": "variant_sku_taken", "message": "Another variant already has this SKU.", "details": { "field": "body.variants[0].sku" } } }
\`\`\`

- \`code\` is stable: program against it. Codes are never renamed; new ones may be added.
- \`message\` is for people and may change wording.
- \`details\` carries what a program needs: \`field\` names the offending input as
  \`body.variants[0].sku\`, \`querystring.limit\` or \`params.id\`; \`request_id\` on a 500 matches the logs.

A rejected request changes nothing: every write runs in one transaction, and a refusal rolls it back.

| code | HTTP status | meaning |
|---|---|---|
`;
let group = '';
// Only the table's lines: comments elsewhere in the file are not group headings.
const table = src.slice(src.indexOf('export const errorTable'), src.indexOf('\n}', src.indexOf('export const errorTable')));
for (const line of table.split('\n')) {
  const g = line.match(/^\s*\/\/ (.+)$/);
  if (g && line.indexOf('//') === 2) { group = g[1]; out += `| **${group}** | | |\n`; continue; }
  const m = line.match(/^\s+(\w+): \[(\d+), '(.*)'\],$/);
  if (m) out += `| \`${m[1]}\` | ${m[2]} | ${m[3].replace(/\\'/g, "'")} |\n`;
}
fs.writeFileSync(new URL('../docs/errors.md', import.meta.url), out);
console.log(`docs/errors.md: ${Object.keys(errorTable).length} codes`);
