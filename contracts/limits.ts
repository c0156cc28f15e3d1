/** Limits shared by the API's validation and the web's inputs. */
export const LIMITS = {
  queryMaxLength: 200,
  searchDefaultResults: 20,
  searchMaxResults: 100,
  numberMaxLength: 64,
  lookupBatchMax: 1000,
  nameMaxLength: 120,
  descriptionMaxLength: 1000,
  sourceIdPattern: /^[a-z0-9][a-z0-9-]{1,62}$/,
  priorityMin: 1,
  priorityMax: 999,
  /** Groups or users one data source's authorization may list. */
  accessEntriesMax: 200,
} as const;
