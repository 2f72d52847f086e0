import type { Db, Tx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { getProductOrThrow } from './product-query.ts';
import { MAX_OPTIONS } from './product-validation.ts';
import { lockProduct, touchProduct } from './products.ts';
import type { OptionInput, OptionUpdate, Product } from './shapes.ts';

export interface LoadedOption {
  id: string;
  title: string;
  values: { id: string; value: string }[];
}

export async function loadOptions(tx: Db, productId: string): Promise<LoadedOption[]> {
  const rows = await tx
    .selectFrom('product_option as o')
    .leftJoin('product_option_value as v', 'v.option_id', 'o.id')
    .select(['o.id', 'o.title', 'v.id as value_id', 'v.value'])
    .where('o.product_id', '=', productId)
    .orderBy('o.position')
    .orderBy('v.position')
    .execute();
  const options = new Map<string, LoadedOption>();
  for (const row of rows) {
    const option = options.get(row.id) ?? { id: row.id, title: row.title, values: [] };
    if (row.value_id) option.values.push({ id: row.value_id, value: row.value! });
    options.set(row.id, option);
  }
  return [...options.values()];
}

/** Each variant of the product → its option values, keyed by option id. */
export async function loadVariantChoices(tx: Db, productId: string): Promise<Map<string, Map<string, string>>> {
  const rows = await tx
    .selectFrom('product_variant as v')
    .leftJoin('product_variant_option as vo', 'vo.variant_id', 'v.id')
    .select(['v.id', 'vo.option_id', 'vo.option_value_id'])
    .where('v.product_id', '=', productId)
    .execute();
  const choices = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const map = choices.get(row.id) ?? new Map<string, string>();
    if (row.option_id) map.set(row.option_id, row.option_value_id!);
    choices.set(row.id, map);
  }
  return choices;
}

async function loadOptionOrThrow(tx: Tx, productId: string, optionId: string): Promise<LoadedOption> {
  const option = (await loadOptions(tx, productId)).find((o) => o.id === optionId);
  if (!option) throw new AppError('option_not_found', { id: optionId, product_id: productId });
  return option;
}

/**
 * Adds an option. Existing variants take its first value (as Shopify does), so they stay complete and
 * distinct; edit them afterwards to give other values.
 */
export async function addOption(db: Db, productId: string, input: OptionInput): Promise<Product> {
  return inTransaction(db, async (tx) => {
    await lockProduct(tx, productId);
    const options = await loadOptions(tx, productId);
    if (options.length >= MAX_OPTIONS) throw new AppError('too_many_options', { field: 'body' });
    if (options.some((o) => o.title === input.title)) throw new AppError('option_title_taken', { field: 'body.title', title: input.title });
    if (new Set(input.values).size !== input.values.length) {
      throw new AppError('invalid_request', { field: 'body.values' }, 'body.values lists a value twice');
    }
    const optionId = newId('opt');
    await tx.insertInto('product_option').values({ id: optionId, product_id: productId, title: input.title, position: options.length }).execute();
    const valueIds = input.values.map(() => newId('optval'));
    await tx.insertInto('product_option_value')
      .values(input.values.map((value, position) => ({ id: valueIds[position], option_id: optionId, value, position })))
      .execute();
    const variants = await tx.selectFrom('product_variant').select('id').where('product_id', '=', productId).execute();
    if (variants.length) {
      await tx.insertInto('product_variant_option')
        .values(variants.map((v) => ({ variant_id: v.id, option_id: optionId, option_value_id: valueIds[0] })))
        .execute();
    }
    await touchProduct(tx, productId, 'product.updated', { changed: ['options'] });
    return getProductOrThrow(tx, productId, { anyStatus: true });
  });
}

/** Renames an option and/or sets its values (in the order given); a value still used by a variant cannot go. */
export async function updateOption(db: Db, productId: string, optionId: string, patch: OptionUpdate): Promise<Product> {
  return inTransaction(db, async (tx) => {
    await lockProduct(tx, productId);
    const option = await loadOptionOrThrow(tx, productId, optionId);
    if (patch.title !== undefined && patch.title !== option.title) {
      const taken = await tx.selectFrom('product_option').select('id')
        .where('product_id', '=', productId).where('title', '=', patch.title).executeTakeFirst();
      if (taken) throw new AppError('option_title_taken', { field: 'body.title', title: patch.title });
      await tx.updateTable('product_option').set({ title: patch.title }).where('id', '=', optionId).execute();
    }
    if (patch.values) {
      if (new Set(patch.values).size !== patch.values.length) {
        throw new AppError('invalid_request', { field: 'body.values' }, 'body.values lists a value twice');
      }
      const removed = option.values.filter((v) => !patch.values!.includes(v.value));
      if (removed.length) {
        const used = await tx.selectFrom('product_variant_option').select('option_value_id')
          .where('option_value_id', 'in', removed.map((v) => v.id)).executeTakeFirst();
        if (used) {
          const value = removed.find((v) => v.id === used.option_value_id)!.value;
          throw new AppError('option_value_in_use', { field: 'body.values', value });
        }
        await tx.deleteFrom('product_option_value').where('id', 'in', removed.map((v) => v.id)).execute();
      }
      for (const [position, value] of patch.values.entries()) {
        const existing = option.values.find((v) => v.value === value);
        if (existing) await tx.updateTable('product_option_value').set({ position }).where('id', '=', existing.id).execute();
        else await tx.insertInto('product_option_value').values({ id: newId('optval'), option_id: optionId, value, position }).execute();
      }
    }
    await touchProduct(tx, productId, 'product.updated', { changed: ['options'] });
    return getProductOrThrow(tx, productId, { anyStatus: true });
  });
}

/** Removes an option from the product and its variants, if the variants stay distinct without it. */
export async function deleteOption(db: Db, productId: string, optionId: string): Promise<Product> {
  return inTransaction(db, async (tx) => {
    await lockProduct(tx, productId);
    await loadOptionOrThrow(tx, productId, optionId);
    const choices = await loadVariantChoices(tx, productId);
    const remaining = new Set<string>();
    for (const map of choices.values()) {
      const key = JSON.stringify([...map].filter(([option]) => option !== optionId).sort());
      if (remaining.has(key)) throw new AppError('variant_options_taken', { option_id: optionId }, 'Without this option two variants would be the same; delete one of them first.');
      remaining.add(key);
    }
    await tx.deleteFrom('product_option').where('id', '=', optionId).execute();
    await touchProduct(tx, productId, 'product.updated', { changed: ['options'] });
    return getProductOrThrow(tx, productId, { anyStatus: true });
  });
}
