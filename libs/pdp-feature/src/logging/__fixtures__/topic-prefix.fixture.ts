import { randomBytes } from 'node:crypto';

/**
 * A topic namespace of this spec file's own, set before @edict/contracts reads it (Jest gives
 * each file a fresh module registry): import first. Imports nothing of Edict on purpose.
 */
export const TEST_TOPIC_PREFIX = `int-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}.`;
process.env['EDICT_TOPIC_PREFIX'] = TEST_TOPIC_PREFIX;
