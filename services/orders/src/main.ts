// Orders: wiring only.
import { runService } from '@mercato/kit';
import { ordersConfig, setupOrders } from './service';

runService('orders', setupOrders, { config: ordersConfig });
