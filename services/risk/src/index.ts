// The risk service: its set-up (for in-process starts) and what other services' tests may use.
export { riskConfig, setupRisk, riskSetup, type RiskConfig, type RiskSetupOptions } from './service';
export { RISK_SERVICE, RiskApi, toRiskOrder } from './api';
export { assessOrder, type Assessment, type Reason, type Thresholds } from './assess';
export { RULE_LIMITS, type Verdict } from './rules';
export { shippedModel, type RiskModel } from './model/model';
export { RISK_FILTER, CONSUMED } from './features/events';
