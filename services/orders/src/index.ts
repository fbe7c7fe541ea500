// The orders service: the order decider, the checkout saga and its recovery, and the set-up.
export * from './domain/order';
export { CheckoutSaga, orderStream, isTransient, type SagaClients, type SagaOptions } from './saga';
export { SagaRecovery } from './recovery';
export { orderIdFor, checkAddress, checkPlaceOrder, toOrderMessage, ordersHandlers, ordersAccess } from './api';
export { ordersConfig, setupOrders, type OrdersConfig } from './service';
