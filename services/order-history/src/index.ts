// What other services' tests and tools need: the set-up, its config, and the read model's pieces.
export { ORDER_HISTORY_SERVICE, orderHistoryConfig, setupOrderHistory, type OrderHistoryConfig } from './service';
export { orderHistoryAccess, orderHistoryHandlers } from './api';
export { ProjectionMetrics, ProjectionRunner, orderHistoryProjection, rebuildReadModel, type ProjectionState, type RebuildReport } from './projection';
export { HISTORY_FILTER, CONSUMED, type HistoryEvent } from './domain/events';
export { evolve, emptyOrder, type OrderRecord } from './domain/order-record';
export { toOrderView, toOrderSummary, orderStatus } from './domain/view';
export { PROJECTION_NAME } from './store/read-model';
export { rebuildCommand, rebuildConfig } from './rebuild';
