// gRPC handlers of mercato.recommendations.v1.RecommendationsService: check the request, make sure
// the product in question exists, rank with the model as it is now, answer with each item's signal.
import { status } from '@grpc/grpc-js';
import { GrpcError, type AsyncHandlers, type CallContext, type ServeOptions } from '@mercato/kit';
import type { Recommendation } from '@mercato/protos/gen/mercato/recommendations/v1/Recommendation';
import type { RecommendationsServiceHandlers } from '@mercato/protos/gen/mercato/recommendations/v1/RecommendationsService';
import type { Strategy__Output } from '@mercato/protos/gen/mercato/recommendations/v1/Strategy';
import { MODEL_FORMAT, type BehaviourModel } from './model/behaviour';
import type { ContentIndex } from './model/content';
import { boughtTogether, recommend, type Scored, type Source } from './model/recommender';
import { servedBy, type RecommendationMetrics } from './metrics';
import { parseBoughtTogetherRequest, parseRecommendRequest } from './requests';

export const RECOMMENDATIONS_SERVICE = 'mercato.recommendations.v1.RecommendationsService';

/** What the handlers read: the live model and the catalog's content index. */
export interface RecommendationsDeps {
  model(): BehaviourModel;
  content(): ContentIndex;
  /** Asks the catalog about a product the model and index do not know (see CatalogContent.lookup). */
  lookup(productId: string, ctx: CallContext): Promise<boolean | undefined>;
  metrics?: RecommendationMetrics;
}

const STRATEGY: Record<Source, Strategy__Output> = {
  personal: 'STRATEGY_PERSONAL',
  item_to_item: 'STRATEGY_ITEM_TO_ITEM',
  bought_together: 'STRATEGY_BOUGHT_TOGETHER',
  content: 'STRATEGY_CONTENT_SIMILARITY',
  popularity: 'STRATEGY_POPULARITY',
};

export const modelVersion = (model: BehaviourModel): string => `${MODEL_FORMAT}.${model.version}`;

export function recommendationsHandlers(deps: RecommendationsDeps): AsyncHandlers<RecommendationsServiceHandlers> {
  /** NOT_FOUND only when the catalog says so; when it cannot be asked, the answer degrades instead. */
  const requireProduct = async (productId: string, field: string, ctx: CallContext): Promise<void> => {
    if (deps.model().knows(productId) || deps.content().has(productId)) return;
    if ((await deps.lookup(productId, ctx)) === false) throw new GrpcError(status.NOT_FOUND, `${field}: product ${productId} not found`);
  };

  const answer = (method: string, items: Scored[]): Recommendation[] => {
    deps.metrics?.served.inc({ method, source: servedBy(items[0]?.source) });
    for (const i of items) deps.metrics?.items.inc({ strategy: i.source });
    return items.map((i) => ({ productId: i.productId, score: i.score, strategy: STRATEGY[i.source] }));
  };

  return {
    Recommend: async (req, ctx) => {
      const query = parseRecommendRequest(req);
      // A profile is the user's own: only they (or an admin) may be recommended from it.
      if (query.userId) ctx.requireOwner(query.userId);
      if (query.contextProductId) await requireProduct(query.contextProductId, 'context_product_id', ctx);
      const model = deps.model();
      return { recommendations: answer('Recommend', recommend(model, deps.content(), query)), modelVersion: modelVersion(model) };
    },

    BoughtTogether: async (req, ctx) => {
      const { productId, limit } = parseBoughtTogetherRequest(req);
      await requireProduct(productId, 'product_id', ctx);
      const model = deps.model();
      return { recommendations: answer('BoughtTogether', boughtTogether(model, deps.content(), productId, limit)), modelVersion: modelVersion(model) };
    },
  };
}

/**
 * Both methods are public at this layer: guests get recommendations too, and Recommend checks the
 * caller owns user_id itself. Only the gateway calls this service (its service.yaml `calls`); in a
 * cluster the mesh's method-level AuthorizationPolicy admits no other caller.
 */
export const recommendationsAccess: ServeOptions<RecommendationsServiceHandlers> = {
  access: { Recommend: 'public', BoughtTogether: 'public' },
};
