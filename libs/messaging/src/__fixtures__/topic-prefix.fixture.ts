import { randomBytes } from 'node:crypto';

/**
 * A topic namespace of its own for a spec file. `Topics` and `topicForCategory` in
 * @edict/contracts read EDICT_TOPIC_PREFIX once, when first loaded, and Jest gives each spec
 * file a fresh module registry (and a copy of process.env): a spec that imports this module
 * before anything that loads @edict/contracts publishes to topics no other run can see.
 * Imports nothing of Edict on purpose (@edict/testing would load the contracts first).
 */
export const TEST_TOPIC_PREFIX = `int-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}.`;
process.env['EDICT_TOPIC_PREFIX'] = TEST_TOPIC_PREFIX;
