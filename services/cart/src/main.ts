// Cart: wiring only.
import { runService } from '@mercato/kit';
import { cartConfig, setupCart } from './service';

runService('cart', setupCart, { config: cartConfig });
