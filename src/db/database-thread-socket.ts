import { Duplex } from 'node:stream';
import type { DatabaseThread } from './database-thread.ts';

/**
 * What `pg` takes for a socket, with the embedded database thread at the other end: each write (`pg`
 * corks a whole extended query into one) goes to the thread as it is, and its answers come back in
 * order as the socket's data. So the embedded database is reached through the very client, parsers
 * and prepared statements a PostgreSQL server is.
 */
export class DatabaseThreadSocket extends Duplex {
  readonly #thread: DatabaseThread;
  #answers: Promise<void> = Promise.resolve();

  constructor(thread: DatabaseThread) {
    super();
    this.#thread = thread;
  }

  /** `pg` connects its socket first; a new connection starts clean (see DatabaseThread.reset). */
  connect(): this {
    this.#answers = this.#thread.reset().then(() => {
      this.emit('connect');
    }, (error: Error) => {
      this.destroy(error);
    });
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#forward(chunk);
    callback();
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    this.#forward(Buffer.concat(chunks.map((c) => c.chunk)));
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.push(null);
    callback();
  }

  #forward(bytes: Buffer): void {
    // A copy of its own: `pg` may reuse the buffer it wrote, and this one's memory moves to the thread.
    const answer = this.#thread.exec(new Uint8Array(bytes));
    answer.catch(() => {}); // handled below, in order; this keeps an early failure from counting as unhandled
    this.#answers = this.#answers
      .then(() => answer)
      .then((data) => {
        if (data.length && !this.destroyed) this.push(data);
      }, (error: Error) => {
        this.destroy(error);
      });
  }
}
