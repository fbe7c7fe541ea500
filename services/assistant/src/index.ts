export * from './service';
export { ASSISTANT_SERVICE, assistantAccess, assistantHandlers, LIMITS } from './api';
export { BUILTIN_MODELS, NO_ENDPOINT } from './respond';
export { summarizeReviews } from './builtin/summarize';
export { answerQuestion, NO_ANSWER } from './builtin/answer';
export { draftDescription } from './builtin/describe';
export { splitSentences } from './builtin/text';
export type { ReviewDoc, ProductDoc, ReviewSummaryResult, AnswerResult, Citation } from './builtin/types';
