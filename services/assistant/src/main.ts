// Assistant: wiring only.
import { runService } from '@mercato/kit';
import { assistantConfig, setupAssistant } from './service';

runService('assistant', setupAssistant, { config: assistantConfig });
