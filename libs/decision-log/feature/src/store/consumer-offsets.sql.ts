/**
 * The statements of the windows-only mode's offsets (`consumer_offsets`, decision-log.schema.ts).
 * The batch's transaction locks its partition's row first, so two consumers that briefly both hold
 * a partition (a rebalance) count each message once: the second waits, then sees the offsets moved.
 */

/** Creates the partition's row (next offset 0) if it is not there yet. */
export const ensureOffsetSql = (schema: string): string => `
  INSERT INTO "${schema}".consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, 0)
  ON CONFLICT DO NOTHING`;

/** The partition's next offset not yet counted, row-locked until the transaction ends. */
export const lockOffsetSql = (schema: string): string => `
  SELECT next_offset FROM "${schema}".consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3 FOR UPDATE`;

/** The partition's next offset not yet counted, without a lock (the consumer's skip before a batch). */
export const readOffsetSql = (schema: string): string => `
  SELECT next_offset FROM "${schema}".consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3`;

/** Moves the partition's next offset forward (never backwards). */
export const advanceOffsetSql = (schema: string): string => `
  UPDATE "${schema}".consumer_offsets SET next_offset = greatest(next_offset, $4::bigint), updated_at = now()
  WHERE group_id = $1 AND topic = $2 AND partition = $3`;
