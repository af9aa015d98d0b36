/**
 * Hot-sale list: import a hot-products export, keep it compactly, look products up. No zod:
 * the popup imports `hotStatus` and `parseHotListStore`.
 *
 * Import flow (options page -> background): `parseHotList(text)`; on `ok`, build the source with
 * `hotSourceFromEntries(result.entries, { id: 'import', label: fileName, updatedAt })` and store
 * `putHotSource(current, source)`. On failure, store nothing and show `hot_fail_<code>`.
 */
export {
  parseHotList,
  hotFailureMessage,
  hotRowErrorMessage,
  HOT_LIST_LIMITS,
  HOT_ROW_ERROR_CODES,
  HOT_FAILURE_CODES,
  type HotListEntry,
  type HotListParseResult,
  type HotListParseOptions,
  type HotRowError,
  type HotRowErrorCode,
  type HotFailureCode,
} from './parse';
export {
  EMPTY_HOT_LIST,
  HOT_SOURCE_LIMITS,
  hotSourceFromEntries,
  putHotSource,
  removeHotSource,
  hotStatus,
  parseHotListStore,
  type HotSource,
  type HotListStore,
  type HotStatus,
  type HotListProblem,
} from './store';
