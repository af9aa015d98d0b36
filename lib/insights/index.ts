/**
 * One link's estimate and warnings, shared by every surface (popup, badge, batch converter,
 * context menu). Domain code: no browser API, storage or messaging; callers hand in parsed values.
 */
export { assessLink, assessParsed, createRepeatedAssessor, type AssessLinkInput, type LinkAssessment, type LinkProductFacts } from './assess';
export { pickedCategory, withCategoryPick, isCategoryKey, type CategoryPicks } from './category-picks';
export { createEstimateDataReader, type EstimateData, type RawEstimateData } from './estimate-data';
export { computeInsights, type ApiProductFacts, type CategorySource, type Insights, type InsightsInput } from './insights';
export { guessCategory, productTitleFromTab } from './category-guess';
export { presentWarnings, type PresentedWarning, type PresentedWarnings } from './presentation';
export { storeKindFromUrl } from './store-kind';
export {
  parseTypedAmount,
  storeKindWithTyped,
  typedFactsOf,
  withTypedFacts,
  PRODUCT_FACTS_LIMIT,
  TYPED_CURRENCIES,
  TYPED_SELLER_COUNTRIES,
  TYPED_STORE_KINDS,
  type ProductFactsEntry,
  type ProductFactsStore,
  type TypedFactName,
  type TypedPrice,
  type TypedProductFacts,
  type TypedSellerCountry,
  type TypedStoreKind,
} from './product-facts';
