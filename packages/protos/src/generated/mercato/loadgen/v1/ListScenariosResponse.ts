// Original file: protos/mercato/loadgen/v1/loadgen.proto

import type { Scenario as _mercato_loadgen_v1_Scenario, Scenario__Output as _mercato_loadgen_v1_Scenario__Output } from '../../../mercato/loadgen/v1/Scenario';

export interface ListScenariosResponse {
  'scenarios'?: (_mercato_loadgen_v1_Scenario)[];
}

export interface ListScenariosResponse__Output {
  'scenarios': (_mercato_loadgen_v1_Scenario__Output)[];
}
