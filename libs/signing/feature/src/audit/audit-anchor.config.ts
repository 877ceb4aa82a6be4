/** How often the audit anchor verifies and signs the log head: EDICT_AUDIT_CHECKPOINT_SECONDS (default 60). */
export function auditCheckpointIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['EDICT_AUDIT_CHECKPOINT_SECONDS'];
  if (raw === undefined || raw === '') return 60_000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`EDICT_AUDIT_CHECKPOINT_SECONDS must be a positive number of seconds, not ${JSON.stringify(raw)}`);
  return Math.round(seconds * 1000);
}
