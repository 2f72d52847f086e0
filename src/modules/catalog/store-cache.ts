import { gzipSync } from 'node:zlib';
import { ALL_TOPICS, onChange } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';

/**
 * Serialized Store API catalog responses, kept until the catalog changes. Every catalog write signals
 * the `catalog` topic (see db/changes.ts), which empties the cache in this process at commit and in
 * the others through NOTIFY. A read that started before a change never stores its stale result: the
 * generation it began in must still be current. Concurrent misses for one key share a single query.
 * Each entry also keeps its gzip form, compressed once, as a CDN would: catalog pages are tens of
 * kilobytes of repetitive JSON that shrink about tenfold, and sending fewer bytes is most of the cost.
 */
export interface CachedResponse {
  body: string;
  /** Null when the body is too small to be worth compressing. */
  gzip: Buffer | null;
}

const COMPRESS_FROM_BYTES = 1024;

export class StoreResponseCache {
  private entries = new Map<string, CachedResponse>();
  private loading = new Map<string, Promise<CachedResponse>>();
  private generation = 0;
  private readonly unsubscribe: () => void;

  constructor(db: Db, private readonly maxEntries: number, topics: string[] = ['catalog']) {
    this.unsubscribe = onChange(db, (topic) => {
      if (topic === ALL_TOPICS || topics.includes(topic)) this.clear();
    });
  }

  /** The cached response for `key`, if there is one (synchronous: the hot path of a hit). */
  peek(key: string): CachedResponse | undefined {
    return this.entries.get(key);
  }

  async get(key: string, load: () => Promise<string>): Promise<CachedResponse> {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const promise = load().then((body) => {
      const value = { body, gzip: body.length >= COMPRESS_FROM_BYTES ? gzipSync(body) : null };
      if (generation === this.generation && this.maxEntries > 0) {
        // Oldest first out: cheap, and a catalog's hot pages are re-read at once when evicted.
        if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, value);
      }
      return value;
    }).finally(() => {
      if (this.loading.get(key) === promise) this.loading.delete(key);
    });
    this.loading.set(key, promise);
    return promise;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  close(): void {
    this.unsubscribe();
    this.clear();
  }
}
