import pino from 'pino';
import { expect, test, vi } from 'vitest';
import { logOptions } from './app.ts';
import { requestLogger } from './request-logger.ts';

function logger(level: 'info' | 'warn') {
  const lines: Record<string, unknown>[] = [];
  return { lines, parent: pino(logOptions(level), { write: (line: string) => lines.push(JSON.parse(line)) }) };
}

test('a request logger makes its child only when a line is logged, and the line carries the request id', () => {
  const { lines, parent } = logger('warn');
  const child = vi.spyOn(parent, 'child');
  const log = requestLogger(parent, { reqId: 'req_1' }, {});
  log.info({ password: 'hunter2' }, 'below the level');
  log.debug('below the level');
  expect(child).not.toHaveBeenCalled();
  expect(log.level).toBe('warn');

  log.warn({ password: 'hunter2' }, 'logged');
  log.error('also logged');
  expect(child).toHaveBeenCalledTimes(1);
  expect(lines.map((l) => [l.reqId, l.msg, l.password])).toEqual([['req_1', 'logged', '[redacted]'], ['req_1', 'also logged', undefined]]);
});

test("a request logger's level can be changed for that request alone", () => {
  const { lines, parent } = logger('warn');
  const log = requestLogger(parent, { reqId: 'req_2' }, {});
  log.level = 'info';
  log.info('now logged');
  parent.info('still not logged');
  expect(lines.map((l) => [l.reqId, l.msg])).toEqual([['req_2', 'now logged']]);
});

test('a route with its own log level gets its child at once', () => {
  const { lines, parent } = logger('warn');
  const log = requestLogger(parent, { reqId: 'req_3' }, { level: 'info' });
  log.info('logged at the route level');
  expect(lines.map((l) => [l.reqId, l.msg])).toEqual([['req_3', 'logged at the route level']]);
});
