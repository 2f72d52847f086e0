import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';

/**
 * The API reference at /docs: Swagger UI, served from the package (offline), branded Cartwright. The
 * base layout leaves out Swagger UI's title bar (Fastify's logo and an unlabelled URL box); a header
 * with the shop engine's name takes its place. The colours below replace the ones axe-core finds too
 * faint (WCAG AA contrast) on the method badges, links and version stamps.
 */

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="13" fill="none" stroke="#1f3a5f" stroke-width="4"/><circle cx="16" cy="16" r="3" fill="#1f3a5f"/><path d="M16 3v26M3 16h26M6.8 6.8l18.4 18.4M25.2 6.8 6.8 25.2" stroke="#1f3a5f" stroke-width="2"/></svg>`;

const HEADER = `
document.addEventListener('DOMContentLoaded', () => {
  const header = document.createElement('header');
  header.className = 'cartwright-header';
  header.innerHTML = '<img src="./static/theme/cartwright-logo.svg" alt="" width="32" height="32"><h1>Cartwright API reference</h1>';
  document.body.insertBefore(header, document.body.firstChild);
  const main = document.getElementById('swagger-ui');
  if (main) main.setAttribute('role', 'main');
});
`;

const CSS = `
.cartwright-header { display: flex; align-items: center; gap: 12px; padding: 12px 20px; background: #1f3a5f; }
.cartwright-header img { background: #fff; border-radius: 50%; }
.cartwright-header h1 { margin: 0; font: 600 22px/1.2 sans-serif; color: #fff; }
.swagger-ui .info .title small, .swagger-ui .info .title small pre { background: #3b4151; color: #fff; }
.swagger-ui .info .title small.version-stamp { background: #2e6b12; }
.swagger-ui .info a, .swagger-ui a.nostyle, .swagger-ui .info .link { color: #1d4f91; }
.swagger-ui .opblock .opblock-summary-method { color: #fff; text-shadow: none; }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1d5fa6; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #1f6f43; }
.swagger-ui .opblock.opblock-put .opblock-summary-method, .swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #8a4b00; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b3261e; }
.swagger-ui .opblock .opblock-summary-path, .swagger-ui .opblock .opblock-summary-description { color: #1b1b1b; }
.swagger-ui .opblock-tag small, .swagger-ui .model-title, .swagger-ui .prop-type, .swagger-ui .parameter__in, .swagger-ui .prop-format { color: #3d3d3d; }
.swagger-ui .parameter__name.required span, .swagger-ui .parameter__name.required:after { color: #b3261e; }
.swagger-ui .response-col_status, .swagger-ui .tab li, .swagger-ui .opblock-section-header h4 { color: #1b1b1b; }
.swagger-ui .btn.try-out__btn, .swagger-ui .btn, .swagger-ui .btn > span { color: #1b1b1b; }
.swagger-ui .btn.authorize, .swagger-ui .btn.authorize > span { color: #1f6f43; border-color: #1f6f43; }
.swagger-ui .json-schema-2020-12-expand-deep-button, .swagger-ui .json-schema-2020-12__title, .swagger-ui .json-schema-2020-12-keyword__name--secondary { color: #3d3d3d; }
.swagger-ui .json-schema-2020-12__constraint { color: #fff; background-color: #5b3a9e; }
.swagger-ui .json-schema-2020-12__constraint--string { background-color: #7a4a00; }
`;

export const docsPageOptions: FastifySwaggerUiOptions = {
  routePrefix: '/docs',
  // Deep links put a link inside each operation's toggle button (nested controls, which axe refuses).
  uiConfig: { layout: 'BaseLayout', deepLinking: false },
  theme: {
    title: 'Cartwright API reference',
    css: [{ filename: 'cartwright.css', content: CSS }],
    js: [{ filename: 'cartwright-header.js', content: HEADER }],
    favicon: [{ filename: 'cartwright-logo.svg', rel: 'icon', type: 'image/svg+xml', sizes: 'any', content: LOGO }],
  },
};
