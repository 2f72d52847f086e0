import { Type, type Static } from '@sinclair/typebox';
import { Amount, CurrencyCode, DateTime, EXPECTED, Id, ListQuery, Metadata } from '../../shapes.ts';

/** The catalog's API shapes: one definition gives the TypeScript type, the validation and the OpenAPI. */

const Handle = Type.String({
  pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 200, description: 'URL-safe: lower-case letters, digits, dashes',
  [EXPECTED]: 'lower-case letters and digits, words joined by single dashes (summer-tee-2)',
});
const Title = Type.String({ minLength: 1, maxLength: 300 });
const Text = Type.String({ maxLength: 20_000 });
const Tag = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^,]+$', [EXPECTED]: 'text without commas' });
const ImageUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000, [EXPECTED]: 'an http:// or https:// URL' });
const Sku = Type.String({ minLength: 1, maxLength: 100, pattern: '^\\S(.*\\S)?$', [EXPECTED]: 'text without leading or trailing spaces' });
const OptionTitle = Type.String({ minLength: 1, maxLength: 100 });
const OptionValue = Type.String({ minLength: 1, maxLength: 100 });
export const ProductStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]);

export const PriceInput = Type.Object({ currency_code: CurrencyCode, amount: Amount }, { additionalProperties: false });

/** A packed unit's size in millimetres, for carriers' rates (docs/shipping.md). */
const Dimension = Type.Union([Type.Integer({ minimum: 1, maximum: 100_000 }), Type.Null()], { description: 'millimetres, for carrier rates' });

export const VariantInput = Type.Object(
  {
    title: Type.Optional(Title),
    sku: Type.Optional(Type.Union([Sku, Type.Null()])),
    barcode: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    weight_grams: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()])),
    length_mm: Type.Optional(Dimension),
    width_mm: Type.Optional(Dimension),
    height_mm: Type.Optional(Dimension),
    options: Type.Optional(Type.Record(OptionTitle, OptionValue, { description: 'option title → value, e.g. { "Size": "M" }' })),
    prices: Type.Optional(Type.Array(PriceInput, { maxItems: 200 })),
    metadata: Type.Optional(Metadata),
  },
  { additionalProperties: false },
);
export type VariantInput = Static<typeof VariantInput>;

export const VariantUpdate = Type.Partial(VariantInput, { additionalProperties: false });
export type VariantUpdate = Static<typeof VariantUpdate>;

export const OptionInput = Type.Object(
  { title: OptionTitle, values: Type.Array(OptionValue, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);
export type OptionInput = Static<typeof OptionInput>;
export const OptionUpdate = Type.Partial(OptionInput, { additionalProperties: false });
export type OptionUpdate = Static<typeof OptionUpdate>;

const productFields = {
  title: Title,
  handle: Type.Optional(Handle),
  description: Type.Optional(Text),
  status: Type.Optional(ProductStatus),
  tags: Type.Optional(Type.Array(Tag, { maxItems: 100 })),
  images: Type.Optional(Type.Array(ImageUrl, { maxItems: 50 })),
  metadata: Type.Optional(Metadata),
  collection_id: Type.Optional(Type.Union([Id('pcol'), Type.Null()])),
  category_ids: Type.Optional(Type.Array(Id('pcat'), { maxItems: 50 })),
  tax_class: Type.Optional(Type.Union([Type.String({ pattern: '^[a-z0-9_-]{1,50}$', description: 'e.g. reduced; null: the standard rate', [EXPECTED]: 'up to 50 lower-case letters, digits, _ or - (reduced)' }), Type.Null()])),
  gift_card: Type.Optional(Type.Boolean({ description: 'sold as a gift card: each unit paid for issues a card of the unit\'s price, emailed to the buyer (docs/gift-cards.md)' })),
};

export const ProductInput = Type.Object(
  {
    ...productFields,
    options: Type.Optional(Type.Array(OptionInput, { maxItems: 10 })),
    variants: Type.Optional(Type.Array(VariantInput, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
export type ProductInput = Static<typeof ProductInput>;

export const ProductUpdate = Type.Partial(Type.Object(productFields), { additionalProperties: false, minProperties: 1 });
export type ProductUpdate = Static<typeof ProductUpdate>;

const PriceTier = Type.Object({
  min_quantity: Type.Integer({ description: 'from this many units on one cart line' }),
  amount: Type.Integer({ description: 'what a unit costs then' }),
  price_list_id: Type.Union([Type.String(), Type.Null()]),
});

/** Admin API: the variant's own price. Store API: with the buyer's price lists applied (docs/price-lists.md). */
export const Price = Type.Object({
  currency_code: Type.String(),
  amount: Type.Integer({ description: 'Store API: what one unit costs this buyer now, price lists applied' }),
  original_amount: Type.Optional(Type.Integer({ description: 'Store API, when a sale lowers the price: the price before it (show it struck through)' })),
  price_list_id: Type.Optional(Type.String({ description: 'Store API: the price list that set amount' })),
  tiers: Type.Optional(Type.Array(PriceTier, { description: 'Store API: quantity tiers, when buying more costs less per unit' })),
});

export const Variant = Type.Object({
  id: Type.String(),
  title: Type.String(),
  sku: Type.Union([Type.String(), Type.Null()]),
  barcode: Type.Union([Type.String(), Type.Null()]),
  weight_grams: Type.Union([Type.Integer(), Type.Null()]),
  length_mm: Type.Union([Type.Integer(), Type.Null()]),
  width_mm: Type.Union([Type.Integer(), Type.Null()]),
  height_mm: Type.Union([Type.Integer(), Type.Null()]),
  options: Type.Record(Type.String(), Type.String()),
  prices: Type.Array(Price),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  in_stock: Type.Boolean({ description: 'sellable now: stock available, backorders allowed, or not tracked' }),
  available_quantity: Type.Union([Type.Integer(), Type.Null()], {
    description: 'units available over all active locations; null when not tracked. The Store API shows what STORE_STOCK_DISPLAY allows: '
      + 'the exact count (default), at most STORE_STOCK_CAP, or null (in_stock only)',
  }),
  available_quantity_capped: Type.Optional(Type.Boolean({
    description: 'Store API with STORE_STOCK_DISPLAY=capped: true when at least available_quantity (the cap) are available — show "10+"',
  })),
});
export type Variant = Static<typeof Variant>;

export const Option = Type.Object({ id: Type.String(), title: Type.String(), values: Type.Array(Type.String()) });

export const Product = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  title: Type.String(),
  description: Type.String(),
  status: ProductStatus,
  tags: Type.Array(Type.String()),
  images: Type.Array(Type.String()),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  collection_id: Type.Union([Type.String(), Type.Null()]),
  category_ids: Type.Array(Type.String()),
  tax_class: Type.Union([Type.String(), Type.Null()]),
  gift_card: Type.Boolean({ description: 'sold as a gift card: needs no shipping and no stock' }),
  options: Type.Array(Option),
  variants: Type.Array(Variant),
  published_at: Type.Union([DateTime, Type.Null()]),
  created_at: DateTime,
  updated_at: DateTime,
});
export type Product = Static<typeof Product>;

/** A page of products; a search that matched nothing as typed also says what it may have meant. */
export const ProductList = Type.Object({
  data: Type.Array(Product),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
  did_you_mean: Type.Optional(Type.String({ description: 'the search with each word replaced by the closest word of a product title; given when the search as typed matched nothing' })),
});

const SynonymWord = Type.String({ minLength: 1, maxLength: 60, description: 'a word or a phrase of up to 4 words (compared in lower case, punctuation ignored)' });
export const SearchSynonymInput = Type.Object(
  {
    word: SynonymWord,
    synonyms: Type.Array(SynonymWord, { minItems: 1, maxItems: 20, description: 'what a search for the word also finds; a search for any of them also finds the word' }),
  },
  { additionalProperties: false },
);
export type SearchSynonymInput = Static<typeof SearchSynonymInput>;
export const SearchSynonymUpdate = Type.Partial(SearchSynonymInput, { additionalProperties: false, minProperties: 1 });
export type SearchSynonymUpdate = Static<typeof SearchSynonymUpdate>;
export const SearchSynonym = Type.Object({ id: Type.String(), word: Type.String(), synonyms: Type.Array(Type.String()), created_at: DateTime, updated_at: DateTime });

export const ProductSort = Type.Union(
  [Type.Literal('newest'), Type.Literal('title'), Type.Literal('price'), Type.Literal('-price'), Type.Literal('relevance')],
  { description: 'newest first (default), title A–Z, lowest price first (`price`) or last (`-price`), search relevance (default with `q`)' },
);
export type ProductSort = Static<typeof ProductSort>;

export const StoreProductListQuery = Type.Object(
  {
    ...ListQuery,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'search: word prefixes and synonyms match; typos are forgiven when nothing matches as typed' })),
    collection_id: Type.Optional(Id('pcol')),
    category_id: Type.Optional(Id('pcat')),
    tag: Type.Optional(Type.Array(Tag, { maxItems: 10, description: 'products having every given tag' })),
    currency_code: Type.Optional(Type.String({ ...CurrencyCode, description: 'only products priced in this currency (any case); needed for price filters and sorts' })),
    price_min: Type.Optional(Amount),
    price_max: Type.Optional(Amount),
    sort: Type.Optional(ProductSort),
  },
  { additionalProperties: false },
);
export type StoreProductListQuery = Static<typeof StoreProductListQuery>;

export const AdminProductListQuery = Type.Object(
  { ...StoreProductListQuery.properties, status: Type.Optional(Type.Array(ProductStatus, { maxItems: 3 })) },
  { additionalProperties: false },
);
export type AdminProductListQuery = Static<typeof AdminProductListQuery>;

export const ProductBulkInput = Type.Object(
  {
    filter: Type.Omit(AdminProductListQuery, ['limit', 'cursor', 'sort'], {
      additionalProperties: false,
      description: 'the products to change: the same fields as the query of `GET /admin/products` (`{}` is every product)',
    }),
    action: Type.Union(
      [Type.Literal('publish'), Type.Literal('unpublish'), Type.Literal('archive'), Type.Literal('add_tag'), Type.Literal('remove_tag'), Type.Literal('set_collection')],
      { description: '`publish`, `unpublish` (to draft), `archive`, `add_tag` / `remove_tag` (with `tag`), `set_collection` (with `collection_id`, null to clear)' },
    ),
    tag: Type.Optional(Tag),
    collection_id: Type.Optional(Type.Union([Id('pcol'), Type.Null()])),
    expected_count: Type.Optional(Type.Integer({ minimum: 0, description: 'how many products the caller was shown as matching; another count refuses the action (409 `bulk_count_changed`)' })),
    dry_run: Type.Optional(Type.Boolean({ default: false, description: 'count and say what would change, change nothing' })),
  },
  { additionalProperties: false },
);
export type ProductBulkInput = Static<typeof ProductBulkInput>;

export const ProductBulkResult = Type.Object({
  action: Type.String(),
  matched: Type.Integer({ description: 'products the filter matched' }),
  changed: Type.Integer({ description: 'of those, the ones the action changed (or would, on a dry run)' }),
  unchanged: Type.Integer({ description: 'already as the action leaves them: no change, no event' }),
  changed_ids: Type.Array(Type.String()),
  dry_run: Type.Boolean(),
});

export const CollectionInput = Type.Object(
  { title: Title, handle: Type.Optional(Handle), description: Type.Optional(Text), metadata: Type.Optional(Metadata) },
  { additionalProperties: false },
);
export type CollectionInput = Static<typeof CollectionInput>;
export const CollectionUpdate = Type.Partial(CollectionInput, { additionalProperties: false, minProperties: 1 });
export type CollectionUpdate = Static<typeof CollectionUpdate>;

export const Collection = Type.Object({
  id: Type.String(),
  title: Type.String(),
  handle: Type.String(),
  description: Type.String(),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  created_at: DateTime,
  updated_at: DateTime,
});

export const CategoryInput = Type.Object(
  {
    name: Title,
    handle: Type.Optional(Handle),
    description: Type.Optional(Text),
    parent_id: Type.Optional(Type.Union([Id('pcat'), Type.Null()])),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    metadata: Type.Optional(Metadata),
  },
  { additionalProperties: false },
);
export type CategoryInput = Static<typeof CategoryInput>;
export const CategoryUpdate = Type.Partial(CategoryInput, { additionalProperties: false, minProperties: 1 });
export type CategoryUpdate = Static<typeof CategoryUpdate>;

export const Category = Type.Object({
  id: Type.String(),
  name: Type.String(),
  handle: Type.String(),
  description: Type.String(),
  parent_id: Type.Union([Type.String(), Type.Null()]),
  position: Type.Integer(),
  depth: Type.Integer({ description: '0 for a top-level category' }),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  created_at: DateTime,
  updated_at: DateTime,
});
