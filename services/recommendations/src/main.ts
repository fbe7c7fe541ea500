// Recommendations: wiring only.
import { runService } from '@mercato/kit';
import { recommendationsConfig, setupRecommendations } from './service';

runService('recommendations', setupRecommendations, { config: recommendationsConfig });
