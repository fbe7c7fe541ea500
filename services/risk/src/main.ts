// Risk: wiring only.
import { runService } from '@mercato/kit';
import { riskConfig, setupRisk } from './service';

runService('risk', setupRisk, { config: riskConfig });
