// The Cart message a caller sees, folded from the cart's state with exact money arithmetic.
import { multiplyMoney, sumMoney } from '@mercato/kit';
import type { Cart } from '@mercato/protos/gen/mercato/cart/v1/Cart';
import type { Actor } from './domain/access';
import type { CartState } from './domain/cart';

/**
 * A closed guest cart shows no lines (they moved to the user's cart). A never-written cart is
 * empty, owned by the caller when its id is theirs. Its revision reads 0, like a cart with one
 * event: uint64 has no "no stream". The subtotal is unset while no line gives the cart a currency.
 */
export function cartView(cartId: string, state: CartState, revision: bigint, actor: Actor): Cart {
  const lines = state.status === 'closed' ? [] : state.lines;
  const items = lines.map((l) => ({ productId: l.productId, productName: l.productName, quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: multiplyMoney(l.unitPrice, l.quantity) }));
  const currency = lines[0]?.unitPrice.currencyCode;
  return {
    cartId,
    ownerId: state.status === 'new' ? (cartId === actor.userId ? actor.userId : '') : state.ownerId,
    items,
    subtotal: currency ? sumMoney(items.map((i) => i.lineTotal), currency) : null,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    revision: (revision < 0n ? 0n : revision).toString(),
    updateTime: state.updateTime,
  };
}
