export { cartConfig, setupCart, type CartConfig } from './service';
export { cartHandlers, cartAccess, cartStream, mergeCommandIds, type CartDeps } from './api';
export { cartDecider, type CartCommand, type CartEvent, type CartLimits, type CartState } from './domain/cart';
export { authorize, authorizeMergeTarget, isGuestCartId, CartOwnedError, type Actor } from './domain/access';
export { cartView } from './view';
