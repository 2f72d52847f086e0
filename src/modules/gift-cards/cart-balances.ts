import type { Tx } from '../../db/database.ts';

/** What a cart applies of gift cards and store credit: the gift-cards module's rows beside the cart. */
export async function addCartGiftCard(tx: Tx, cartId: string, giftCardId: string): Promise<void> {
  await tx.insertInto('cart_gift_card').values({ cart_id: cartId, gift_card_id: giftCardId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function removeCartGiftCard(tx: Tx, cartId: string, giftCardId: string): Promise<void> {
  await tx.deleteFrom('cart_gift_card').where('cart_id', '=', cartId).where('gift_card_id', '=', giftCardId).execute();
}

/** `amount`: a cap (null: as much as needed); undefined stops using store credit. */
export async function setCartStoreCredit(tx: Tx, cartId: string, amount: number | null | undefined): Promise<void> {
  if (amount === undefined) {
    await tx.deleteFrom('cart_store_credit').where('cart_id', '=', cartId).execute();
    return;
  }
  await tx.insertInto('cart_store_credit').values({ cart_id: cartId, amount })
    .onConflict((oc) => oc.column('cart_id').doUpdateSet({ amount })).execute();
}

/** The signed-in customer's store credit in a currency: its balance, or undefined without an account. */
export async function storeCreditBalance(tx: Tx, customerId: string, currencyCode: string): Promise<number | undefined> {
  const account = await tx.selectFrom('gift_card').select('balance')
    .where('kind', '=', 'store_credit').where('customer_id', '=', customerId).where('currency_code', '=', currencyCode).executeTakeFirst();
  return account?.balance;
}
