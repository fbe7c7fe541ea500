// Gateway: wiring only.
import { runService } from '@mercato/kit';
import { gatewayConfig, setupGateway } from './service';

runService('gateway', setupGateway, { config: gatewayConfig });
