// Payments: wiring only.
import { runService } from '@mercato/kit';
import { paymentsConfig, setupPayments } from './service';

runService('payments', setupPayments, { config: paymentsConfig });
