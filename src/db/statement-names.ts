const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
const MAX_PREPARED = 2000;

/**
 * Names each distinct data statement, so the database parses and plans it once per connection and then
 * reuses the plan, instead of planning every query again (the cart and catalog reads are big: planning
 * the cart read costs twice what running it does). The SQL text is the key, so a name always means the
 * same statement. Transaction control and DDL get no name; past MAX_PREPARED texts, neither does
 * anything else (they run unprepared).
 */
export function statementNamer(): (sql: string) => string | null {
  const names = new Map<string, string>();
  return (sql) => {
    if (!PREPARABLE.test(sql)) return null;
    let name = names.get(sql);
    if (!name && names.size < MAX_PREPARED) names.set(sql, (name = `cw_${names.size}`));
    return name ?? null;
  };
}
