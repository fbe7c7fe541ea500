// Inventory: wiring only.
import { runService } from '@mercato/kit';
import { inventoryConfig, setupInventory } from './service';

runService('inventory', setupInventory, { config: inventoryConfig });
