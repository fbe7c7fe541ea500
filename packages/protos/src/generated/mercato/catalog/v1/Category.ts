// Original file: protos/mercato/catalog/v1/catalog.proto


export interface Category {
  'id'?: (string);
  'name'?: (string);
  'description'?: (string);
  /**
   * Empty for a top-level category.
   */
  'parentId'?: (string);
  'productCount'?: (number);
}

export interface Category__Output {
  'id': (string);
  'name': (string);
  'description': (string);
  /**
   * Empty for a top-level category.
   */
  'parentId': (string);
  'productCount': (number);
}
