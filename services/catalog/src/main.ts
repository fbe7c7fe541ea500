// Catalog: wiring only.
import { runService } from '@mercato/kit';
import { catalogConfig, setupCatalog } from './service';

runService('catalog', setupCatalog, { config: catalogConfig });
