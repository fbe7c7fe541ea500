// Original file: protos/mercato/eventstore/v1/eventstore.proto


export interface GetStreamMetadataRequest {
  'stream'?: (string);
}

export interface GetStreamMetadataRequest__Output {
  'stream': (string);
}
