// loadgen: wiring only.
import { runService } from '@mercato/kit';
import { loadgenConfig, setupLoadgen } from './service';

runService('loadgen', setupLoadgen, { config: loadgenConfig });
