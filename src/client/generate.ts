import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from './openapi-document.ts';

export const GENERATED_TYPES_PATH = new URL('./api-types.ts', import.meta.url);

const HEADER = `// Generated from the served /openapi.json by \`npm run client:generate\`: do not edit by hand.
// A test (src/client/client-types.test.ts) fails when this file and the served document disagree.
`;

/** The TypeScript types of every API path and its schemas, as openapi-typescript writes them. */
export async function generateClientTypes(): Promise<string> {
  const ast = await openapiTS((await openApiDocument()) as never, { alphabetize: true });
  return HEADER + astToString(ast);
}
