const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
const MAX_PREPARED = 2000;

/**
 * Names each distinct data statement, so the database parses and plans it once per connection and then
 * reuses the plan, instead of planning every query again (the cart and catalog reads are big: planning
 * the cart read costs twice what running it does). The SQL text is the key, so a name always means the
 * same statement. Transaction control and DDL get no name; past MAX_PREPARED texts, neither does
 * anything else (they run unprepared).
 */
export class StatementNames {
  readonly #names = new Map<string, string>();
  readonly #texts = new Map<string, string>();

  nameOf(sql: string): string | null {
    if (!PREPARABLE.test(sql)) return null;
    let name = this.#names.get(sql);
    if (!name && this.#names.size < MAX_PREPARED) {
      name = `cw_${this.#names.size}`;
      this.#names.set(sql, name);
      this.#texts.set(name, sql);
    }
    return name ?? null;
  }

  /** The statement a name stands for (to say which statement a log line is about). */
  textOf(name: string): string | undefined {
    return this.#texts.get(name);
  }
}
