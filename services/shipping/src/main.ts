// Shipping: wiring only.
import { runService } from '@mercato/kit';
import { setupShipping, shippingConfig } from './service';

runService('shipping', setupShipping, { config: shippingConfig });
