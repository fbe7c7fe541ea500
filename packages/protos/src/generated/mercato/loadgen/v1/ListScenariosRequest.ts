// Original file: protos/mercato/loadgen/v1/loadgen.proto


export interface ListScenariosRequest {
}

export interface ListScenariosRequest__Output {
}
