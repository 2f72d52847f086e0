/**
 * Search that forgives (modules/catalog/search.ts, docs/api.md): trigram indexes for typo-tolerant
 * matching of product titles and variant SKUs, and the merchant's synonyms. Released: never edit, add a
 * new migration.
 */
export const statements = [
  // A trusted contrib extension on PostgreSQL; the embedded database loads it in its worker.
  `create extension if not exists pg_trgm`,
  `create index product_title_trgm_idx on product using gin (sort_title gin_trgm_ops)`,
  `create index product_variant_sku_trgm_idx on product_variant using gin (lower(sku) gin_trgm_ops)`,
  // A word and the words (or short phrases) a search for it also finds, and the other way round.
  `create table search_synonym (
    id text primary key,
    word text not null unique,
    synonyms text[] not null check (cardinality(synonyms) between 1 and 20),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index search_synonym_synonyms_idx on search_synonym using gin (synonyms)`,
];
