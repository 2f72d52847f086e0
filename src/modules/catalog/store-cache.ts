import { gzipSync } from 'node:zlib';
import { ALL_TOPICS, onChange } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';

/**
 * Serialized Store API catalog responses, kept until what they show changes.
 * - Any catalog write signals `catalog`, any region write `regions` (the Store API's regions are cached
 *   here too): everything is dropped (in this process at commit, in the others through NOTIFY).
 * - A stock change signals `inventory:<ids>` with the variant (or product) ids whose availability moved:
 *   only the responses showing one of them are dropped, so a busy checkout does not empty the cache.
 * - Any other topic drops the responses that named it among their ids: an answer derived from more
 *   than the catalog and stock (recommendations name `recommendations`, which their scores' writer
 *   signals) is dropped when that changes, and nothing else is.
 * - A response that changes by itself at a known time (a price list starting or ending) asks for the
 *   whole cache to be emptied then (`expireAt`): every entry is dropped on the first read after it.
 * A read that began before a change touching it never stores its result. Concurrent misses for one key
 * share a single query. Each entry also keeps its gzip form, compressed once, as a CDN would: catalog
 * pages are tens of kilobytes of repetitive JSON, and sending fewer bytes is most of the cost.
 */
export interface CachedResponse {
  body: string;
  /** Null when the body is too small to be worth compressing. */
  gzip: Buffer | null;
}

export interface Loaded {
  body: string;
  /**
   * The product and variant ids whose stock change may change the response (those it shows, and any
   * whose availability decided what it shows), and the other change topics it depends on.
   */
  ids: string[];
}

const COMPRESS_FROM_BYTES = 1024;

export class StoreResponseCache {
  private entries = new Map<string, CachedResponse & { ids: string[] }>();
  private keysById = new Map<string, Set<string>>();
  private loading = new Map<string, Promise<CachedResponse>>();
  /** Counts invalidations; a load stores only if nothing it shows was invalidated after it began. */
  private generation = 0;
  private clearedAt = 0;
  private invalidatedAt = new Map<string, number>();
  /** When everything cached must be dropped (epoch ms): the earliest time asked for by expireAt since the last clear. */
  private expiresAt = Infinity;
  private readonly unsubscribe: () => void;

  constructor(db: Db, private readonly maxEntries: number) {
    this.unsubscribe = onChange(db, (topic) => {
      if (topic.startsWith('inventory:')) this.invalidate(topic.slice('inventory:'.length).split(','));
      else if (topic === ALL_TOPICS || topic === 'catalog' || topic === 'regions') this.clear();
      else if (this.keysById.has(topic) || this.loading.size > 0) this.invalidate([topic]);
    });
  }

  /** The cached response for `key`, if there is one (synchronous: the hot path of a hit). */
  peek(key: string): CachedResponse | undefined {
    if (this.expiresAt <= Date.now()) this.clear();
    return this.entries.get(key);
  }

  /** Empties the cache at `at`: what it holds may be wrong from then on. */
  expireAt(at: Date): void {
    this.expiresAt = Math.min(this.expiresAt, at.getTime());
  }

  async get(key: string, load: () => Promise<Loaded>): Promise<CachedResponse> {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const started = this.generation;
    const promise = load().then(({ body, ids }) => {
      const value = { body, gzip: body.length >= COMPRESS_FROM_BYTES ? gzipSync(body) : null };
      // A boundary passed while loading: the answer may be from before it.
      if (this.expiresAt <= Date.now()) this.clear();
      if (this.maxEntries > 0 && !this.changedSince(started, ids)) this.store(key, { ...value, ids });
      return value;
    }).finally(() => {
      if (this.loading.get(key) === promise) this.loading.delete(key);
      if (this.loading.size === 0) this.invalidatedAt.clear();
    });
    this.loading.set(key, promise);
    return promise;
  }

  private changedSince(generation: number, ids: string[]): boolean {
    return this.clearedAt > generation || ids.some((id) => (this.invalidatedAt.get(id) ?? -1) > generation);
  }

  private store(key: string, entry: CachedResponse & { ids: string[] }): void {
    // Oldest first out: cheap, and a catalog's hot pages are re-read at once when evicted.
    if (this.entries.size >= this.maxEntries) this.remove(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    for (const id of entry.ids) {
      let keys = this.keysById.get(id);
      if (!keys) this.keysById.set(id, (keys = new Set()));
      keys.add(key);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const id of entry.ids) {
      const keys = this.keysById.get(id);
      keys?.delete(key);
      if (keys?.size === 0) this.keysById.delete(id);
    }
  }

  /** Drops the responses showing any of `ids`. */
  invalidate(ids: string[]): void {
    this.generation++;
    for (const id of ids) {
      if (this.loading.size > 0) this.invalidatedAt.set(id, this.generation);
      for (const key of [...(this.keysById.get(id) ?? [])]) this.remove(key);
    }
  }

  clear(): void {
    this.generation++;
    this.clearedAt = this.generation;
    this.expiresAt = Infinity;
    this.entries.clear();
    this.keysById.clear();
    this.loading.clear();
  }

  close(): void {
    this.unsubscribe();
    this.clear();
  }
}
