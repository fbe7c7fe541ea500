// Order history: wiring only.
import { runService } from '@mercato/kit';
import { orderHistoryConfig, setupOrderHistory } from './service';

runService('order-history', setupOrderHistory, { config: orderHistoryConfig });
