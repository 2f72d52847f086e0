import { sql, type RawBuilder } from 'kysely';
import { signalChange } from '../../db/changes.ts';
import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { recordEvents } from '../events/outbox.ts';
import type { SearchSynonymInput, SearchSynonymUpdate } from './shapes.ts';

/**
 * Search that forgives: the merchant's synonyms widen a search, and when nothing matches as typed,
 * trigram similarity (pg_trgm) finds titles and SKUs close to the words typed and says what the
 * shopper may have meant. product-query.ts runs the searches; this file knows the words.
 */

/** How close a typed word must be to a word of a title (pg_trgm's word similarity, 0–1). */
export const TITLE_WORD_SIMILARITY = 0.35;
/** How close the whole search must be to a SKU (pg_trgm's similarity, 0–1). */
export const SKU_SIMILARITY = 0.4;

/** A search's words, lower case, letters and digits only: "Blue hood!" → ["blue", "hood"]. */
export function searchWords(q: string): string[] {
  return q.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? [];
}

/**
 * A tsquery text matching every word as a prefix, each word or any of its alternatives:
 * [["hoodie", "sweatshirt"], ["blue"]] → "(hoodie:* | sweatshirt:*) & (blue:*)". An alternative of
 * several words matches when all of them do.
 */
export function tsQueryText(groups: string[][], weight = ''): string {
  return groups.map((alternatives) => `(${alternatives.map((phrase) => {
    const words = searchWords(phrase).map((w) => `${w}:*${weight}`);
    return words.length > 1 ? `(${words.join(' & ')})` : words[0];
  }).join(' | ')})`).join(' & ');
}

/** Each word with its synonyms, both ways: hoodie ↔ sweatshirt. */
export async function expandWithSynonyms(db: Db, words: string[]): Promise<string[][]> {
  const rows = await db.selectFrom('search_synonym').select(['word', 'synonyms'])
    .where((eb) => eb.or([eb('word', 'in', words), sql<boolean>`synonyms && ${words}::text[]`]))
    .execute();
  return words.map((word) => {
    const alternatives = new Set([word]);
    for (const row of rows) {
      if (row.word === word) row.synonyms.forEach((s) => alternatives.add(s));
      else if (row.synonyms.includes(word)) alternatives.add(row.word);
    }
    return [...alternatives];
  });
}

/**
 * Runs `fn` with pg_trgm's thresholds set for this transaction only, so its `<%` and `%` operators
 * (the ones its GIN indexes serve) use them.
 */
export async function withTrigramThresholds<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(db, async (tx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TITLE_WORD_SIMILARITY)}, true),
      set_config('pg_trgm.similarity_threshold', ${String(SKU_SIMILARITY)}, true)`.execute(tx);
    return fn(tx);
  });
}

/** Products whose title holds a word close to every typed word, or with a SKU close to the search. */
export function typoMatch(words: string[], q: string): RawBuilder<boolean> {
  const titled = sql.join(words.map((w) => sql`${w} <% p.sort_title`), sql` and `);
  return sql<boolean>`((${titled}) or exists (
    select 1 from product_variant v where v.product_id = p.id and lower(v.sku) % ${q.toLowerCase()}))`;
}

/** How close the title is to the typed words (higher is closer). */
export function typoScore(words: string[]): RawBuilder<number> {
  return sql<number>`(${sql.join(words.map((w) => sql`word_similarity(${w}, p.sort_title)`), sql` + `)})`;
}

/**
 * The search with each word replaced by the closest word of a title among `statuses`' products, or
 * null when no word has a closer one. Call inside withTrigramThresholds.
 */
export async function didYouMean(tx: Tx, words: string[], statuses: string[] | undefined): Promise<string | null> {
  const corrected = await Promise.all(words.map(async (word) => {
    const rows = await sql<{ word: string }>`
      select w.word from product p, regexp_split_to_table(p.sort_title, '[^[:alnum:]]+') as w(word)
      where ${word} <% p.sort_title ${statuses ? sql`and p.status = any(${statuses}::text[])` : sql``}
        and w.word <> '' and similarity(w.word, ${word}) > 0
      order by similarity(w.word, ${word}) desc, w.word limit 1`.execute(tx);
    return rows.rows[0]?.word ?? word;
  }));
  return corrected.some((w, i) => w !== words[i]) ? corrected.join(' ') : null;
}

// The merchant's synonyms.

const columns = ['id', 'word', 'synonyms', 'created_at', 'updated_at'] as const;

/** A synonym as stored: lower case, its words separated by single spaces; 1–4 words. */
function normalise(text: string, field: string): string {
  const words = searchWords(text);
  if (!words.length || words.length > 4) {
    throw new AppError('invalid_request', { field }, `${field} must be a word or a phrase of up to 4 words (letters and digits)`);
  }
  return words.join(' ');
}

function normaliseEntry(input: SearchSynonymInput): SearchSynonymInput {
  const word = normalise(input.word, 'body.word');
  const synonyms = [...new Set(input.synonyms.map((s, i) => normalise(s, `body.synonyms.${i}`)))].filter((s) => s !== word);
  if (!synonyms.length) throw new AppError('invalid_request', { field: 'body.synonyms' }, 'body.synonyms must name at least one word other than body.word');
  return { word, synonyms };
}

export async function getSynonymOrThrow(db: Db, id: string) {
  const row = await db.selectFrom('search_synonym').select(columns).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('search_synonym_not_found', { id });
  return row;
}

/** Synonyms by word (A–Z), paged by [word]. */
export async function listSynonyms(db: Db, page: { after?: unknown[]; limit: number }) {
  let query = db.selectFrom('search_synonym').select(columns);
  if (page.after) {
    if (page.after.length !== 1 || typeof page.after[0] !== 'string') throw new AppError('invalid_cursor', { field: 'querystring.cursor' });
    query = query.where(sql<boolean>`word collate "C" > ${page.after[0]}::text collate "C"`);
  }
  const rows = await query.orderBy(sql`word collate "C"`).limit(page.limit + 1).execute();
  const data = rows.slice(0, page.limit);
  return { data, next: rows.length > page.limit ? [data[data.length - 1].word] : null };
}

async function assertWordFree(db: Db, word: string, except?: string) {
  let query = db.selectFrom('search_synonym').select('id').where('word', '=', word);
  if (except) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst()) throw new AppError('search_synonym_word_taken', { field: 'body.word', word });
}

export async function createSynonym(db: Db, input: SearchSynonymInput) {
  const entry = normaliseEntry(input);
  return inTransaction(db, async (tx) => {
    await assertWordFree(tx, entry.word);
    const id = newId('ssyn');
    await tx.insertInto('search_synonym').values({ id, word: entry.word, synonyms: entry.synonyms }).execute();
    await recordEvents(tx, [{ type: 'search_synonym.created', resource_type: 'search_synonym', resource_id: id, payload: { id, ...entry } }]);
    // Cached store searches answered without this synonym.
    await signalChange(tx, 'catalog');
    return getSynonymOrThrow(tx, id);
  });
}

export async function updateSynonym(db: Db, id: string, patch: SearchSynonymUpdate) {
  return inTransaction(db, async (tx) => {
    const current = await getSynonymOrThrow(tx, id);
    const entry = normaliseEntry({ word: patch.word ?? current.word, synonyms: patch.synonyms ?? current.synonyms });
    await assertWordFree(tx, entry.word, id);
    await tx.updateTable('search_synonym').set({ word: entry.word, synonyms: entry.synonyms, updated_at: sql`now()` }).where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'search_synonym.updated', resource_type: 'search_synonym', resource_id: id, payload: { id, ...entry } }]);
    await signalChange(tx, 'catalog');
    return getSynonymOrThrow(tx, id);
  });
}

export async function deleteSynonym(db: Db, id: string) {
  await inTransaction(db, async (tx) => {
    await getSynonymOrThrow(tx, id);
    await tx.deleteFrom('search_synonym').where('id', '=', id).execute();
    await recordEvents(tx, [{ type: 'search_synonym.deleted', resource_type: 'search_synonym', resource_id: id, payload: { id } }]);
    await signalChange(tx, 'catalog');
  });
}
