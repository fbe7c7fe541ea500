// What the built-in engine works from and answers with. Field names follow the protos (as
// proto-loader gives them), so results go into messages as they are.

export interface ReviewDoc {
  id: string;
  rating: number;
  title: string;
  body: string;
  authorName: string;
}

export interface ProductDoc {
  id: string;
  name: string;
  description: string;
  categoryId: string;
  tags: string[];
  /** Price as the catalog gives it; absent when the product has none. */
  price?: { currencyCode: string; units: string; nanos: number } | undefined;
  weightGrams: number;
  averageRating: number;
  reviewCount: number;
}

/** Another catalog product that matched a question (for "alternatives" answers). */
export interface RelatedProduct {
  id: string;
  name: string;
  price?: ProductDoc['price'];
  averageRating: number;
  reviewCount: number;
}

export interface Citation {
  sourceType: 'review' | 'product';
  sourceId: string;
  quote: string;
}

export interface ReviewSummaryResult {
  pros: string[];
  cons: string[];
  overall: string;
  reviewCount: number;
  averageRating: number;
  citations: Citation[];
}

export interface AnswerResult {
  text: string;
  grounded: boolean;
  citations: Citation[];
}
