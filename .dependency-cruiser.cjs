/**
 * The import rules of src/ (docs/architecture.md, "Module graph"), checked by src/module-graph.test.ts
 * on every `npm test`; `npx depcruise src` prints the same verdict. Tests are left out: they may reach
 * anywhere to set a shop up.
 */
const ROUTE_FILE = '(^|/)routes\\.[^/]+\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No file may import itself back, however far round (type-only imports count).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'routes-only-from-the-app',
      comment: 'Route files are HTTP: only the app factory (src/http/app.ts) mounts them; nothing imports from one.',
      severity: 'error',
      from: { pathNot: '^src/http/app\\.ts$' },
      to: { path: ROUTE_FILE },
    },
    {
      name: 'services-know-no-http',
      comment: 'A module\'s services know nothing of HTTP: only its route files import src/http/, and the MCP module, '
        + 'which like them is an interface (it validates with the API\'s validator and answers the API\'s error bodies).',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: `${ROUTE_FILE}|^src/modules/mcp/` },
      to: { path: '^src/http/' },
    },
    {
      name: 'modules-know-no-wiring',
      comment: 'Modules are wired together from above (main.ts, first-start.ts, the CLI, the demo data), never the reverse.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/(demo/|cli/|main\\.ts$|first-start\\.ts$)' },
    },
    {
      name: 'db-depends-on-no-module',
      comment: 'src/db is below every module: modules add their tables to Database from their own schema.ts.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(modules|http|demo|cli)/|^src/main\\.ts$' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.ts$' },
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
  },
};
