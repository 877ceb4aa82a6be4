/** Stable codes of the errors the event store raises (STYLE.md §7). */
export const EVENT_STORE_ERROR_CODES = {
  wrongExpectedRevision: 'EVENT_STORE.WRONG_EXPECTED_REVISION',
  unavailable: 'EVENT_STORE.UNAVAILABLE',
  invalidInput: 'EVENT_STORE.INVALID_INPUT',
  duplicateEventId: 'EVENT_STORE.DUPLICATE_EVENT_ID',
  chainMaterializationFailed: 'EVENT_STORE.CHAIN_MATERIALIZATION_FAILED',
  unknownAdapter: 'EVENT_STORE.UNKNOWN_ADAPTER',
  connectionStringMissing: 'EVENT_STORE.CONNECTION_STRING_MISSING',
} as const;

export type EventStoreErrorCode = (typeof EVENT_STORE_ERROR_CODES)[keyof typeof EVENT_STORE_ERROR_CODES];
