// Sentinel: wiring only.
import { runService } from '@mercato/kit';
import { sentinelConfig, setupSentinel } from './service';

runService('sentinel', setupSentinel, { config: sentinelConfig });
