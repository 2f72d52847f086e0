import { ALL_TOPICS, onChange } from '../../db/changes.ts';
import type { Db } from '../../db/database.ts';

/**
 * Serialized Store API catalog responses, kept until the catalog changes. Every catalog write signals
 * the `catalog` topic (see db/changes.ts), which empties the cache in this process at commit and in
 * the others through NOTIFY. A read that started before a change never stores its stale result: the
 * generation it began in must still be current. Concurrent misses for one key share a single query.
 */
export class StoreResponseCache {
  private entries = new Map<string, string>();
  private loading = new Map<string, Promise<string>>();
  private generation = 0;
  private readonly unsubscribe: () => void;

  constructor(db: Db, private readonly maxEntries: number, topics: string[] = ['catalog']) {
    this.unsubscribe = onChange(db, (topic) => {
      if (topic === ALL_TOPICS || topics.includes(topic)) this.clear();
    });
  }

  async get(key: string, load: () => Promise<string>): Promise<string> {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const promise = load().then((value) => {
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
