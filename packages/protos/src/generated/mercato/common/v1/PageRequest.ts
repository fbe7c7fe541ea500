// Original file: protos/mercato/common/v1/paging.proto


/**
 * Cursor paging as in Google's AIP-158: ask for a page, get an opaque token for the next one.
 */
export interface PageRequest {
  /**
   * At most this many items; 0 means the server's default (20), values above 100 are capped.
   */
  'pageSize'?: (number);
  /**
   * The next_page_token of the previous response; empty for the first page.
   */
  'pageToken'?: (string);
}

/**
 * Cursor paging as in Google's AIP-158: ask for a page, get an opaque token for the next one.
 */
export interface PageRequest__Output {
  /**
   * At most this many items; 0 means the server's default (20), values above 100 are capped.
   */
  'pageSize': (number);
  /**
   * The next_page_token of the previous response; empty for the first page.
   */
  'pageToken': (string);
}
