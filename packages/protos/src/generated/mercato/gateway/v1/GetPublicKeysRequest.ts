// Original file: protos/mercato/gateway/v1/identity.proto


export interface GetPublicKeysRequest {
}

export interface GetPublicKeysRequest__Output {
}
