// Original file: protos/mercato/sentinel/v1/sentinel.proto


export interface ListTargetsRequest {
}

export interface ListTargetsRequest__Output {
}
