import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * Fastify's JSON parser, with one refusal told apart: a body that is valid JSON but holds a
 * `__proto__` key (or a `constructor` key holding `prototype`) is refused as such, where Fastify
 * reports every refusal alike as "not valid JSON".
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error, value) => {
      if (!error) return done(null, value);
      try {
        JSON.parse(body as string);
      } catch {
        return done(error, undefined);
      }
      done(new AppError('invalid_request', { field: 'body', rule: 'forbidden_key', keys: ['__proto__', 'constructor.prototype'] },
        'The body has a "__proto__" key (or a "constructor" key holding "prototype"); such keys are refused: rename the key.'), undefined);
    });
  });
}
