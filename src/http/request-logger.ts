import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, LevelWithSilentOrString, Logger } from 'pino';

type LogMethod = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * A request's logger, made into pino's child (with the request id) only when a line is logged. Fastify
 * makes a child per request, and pino redacts the child's bindings as it makes it: on a cached catalog
 * page that cost more than the rest of the answer, and most requests log nothing.
 */
class RequestLogger {
  #child: Logger | undefined;
  constructor(private readonly parent: Logger, private readonly bindings: Bindings, private readonly options: ChildLoggerOptions) {}

  #real(): Logger {
    return (this.#child ??= this.parent.child(this.bindings, this.options) as Logger);
  }

  #log(method: LogMethod, args: unknown[]): void {
    if (this.#child || this.parent.isLevelEnabled(method)) (this.#real()[method] as (...a: unknown[]) => void)(...args);
  }

  get level(): LevelWithSilentOrString {
    return this.#child?.level ?? this.parent.level;
  }
  set level(level: LevelWithSilentOrString) {
    this.#real().level = level;
  }
  isLevelEnabled(level: string): boolean {
    return this.#child?.isLevelEnabled(level) ?? this.parent.isLevelEnabled(level);
  }
  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#real().child(bindings, options);
  }
  fatal(...args: unknown[]) { this.#log('fatal', args); }
  error(...args: unknown[]) { this.#log('error', args); }
  warn(...args: unknown[]) { this.#log('warn', args); }
  info(...args: unknown[]) { this.#log('info', args); }
  debug(...args: unknown[]) { this.#log('debug', args); }
  trace(...args: unknown[]) { this.#log('trace', args); }
  silent() {}
}

/** Fastify's `childLoggerFactory`: a route with a log level of its own (or a logger not pino) gets its child at once. */
export function requestLogger(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  const pino = logger as Logger;
  if (options.level || options.serializers || typeof pino.isLevelEnabled !== 'function') return logger.child(bindings, options);
  return new RequestLogger(pino, bindings, options) as unknown as FastifyBaseLogger;
}
