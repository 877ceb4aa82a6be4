/**
 * Where a relay or consumer remembers the last global position it handled (the messaging layer's
 * relay checkpoints its position after each publish).
 */
export interface CheckpointStore {
  /** The saved position, or 0 when nothing was saved under this name. */
  load(name: string): Promise<number>;
  /** Sets the position (last writer wins; moving backwards is allowed, e.g. to replay). */
  save(name: string, position: number): Promise<void>;
}
