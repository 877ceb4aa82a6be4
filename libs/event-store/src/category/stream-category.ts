/**
 * The category of a stream: its id up to the first '-' (`bundle-42` → `bundle`), or the whole id
 * when it has none. The same rule as @edict/contracts' `categoryOf` and the Postgres
 * `split_part(stream_id, '-', 1)` column, so filters agree everywhere.
 */
export const streamCategoryOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
};

/** A predicate for a categories filter; no filter matches everything (an empty one is refused earlier). */
export const categoryMatcher = (categories?: readonly string[]): ((streamId: string) => boolean) => {
  if (!categories) return () => true;
  const wanted = new Set(categories);
  return (streamId) => wanted.has(streamCategoryOf(streamId));
};
