#!/usr/bin/env node
// Keeps docs/asyncapi.yaml honest about libs/contracts:
//   - every CloudEvents type in event-types.ts (its 'io.edict…' strings) has a message in the
//     document (the `const` of the message's ce_type header), and every message type is one;
//   - every such message is on a channel, unless it says `x-edict-published: false`;
//   - every topic in topics.ts, and its `.dlq`, is a channel address, and the reverse.
// Payload fields are not compared: keep them in step with the TypeScript types by hand.
//
//   node tools/check-asyncapi.mjs [--doc docs/asyncapi.yaml] [--contracts libs/contracts/src]
//
// Exit code: 0 consistent, 1 mismatches (listed on stderr), 2 a file cannot be read or parsed.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    doc: { type: 'string', default: join(root, 'docs/asyncapi.yaml') },
    contracts: { type: 'string', default: join(root, 'libs/contracts/src') },
  },
});

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    console.error(`check-asyncapi: cannot read ${path}: ${error.message}`);
    process.exit(2);
  }
}

/**
 * The quoted strings of a TypeScript file that match a pattern, outside comments (no TS parser
 * needed: these files hold plain string literals, and no string in them contains a comment marker).
 */
function quoted(text, pattern) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return new Set([...code.matchAll(/(['"`])([^'"`\n]+)\1/g)].map((m) => m[2]).filter((s) => pattern.test(s)));
}

const contractTypes = quoted(read(join(args.contracts, 'events/event-types.ts')), /^io\.edict\.[a-z0-9-]+\.[a-z0-9-]+\.v[0-9]+$/);
const contractTopics = quoted(read(join(args.contracts, 'topics/topics.ts')), /^edict\.[a-z0-9-]+\.v[0-9]+$/);

let doc;
try {
  doc = parse(read(args.doc));
} catch (error) {
  console.error(`check-asyncapi: ${args.doc} is not valid YAML: ${error.message}`);
  process.exit(2);
}

/** Follows local `$ref`s (`#/a/b`). */
function deref(node) {
  const seen = new Set();
  while (node && typeof node.$ref === 'string') {
    if (seen.has(node.$ref) || !node.$ref.startsWith('#/')) return undefined;
    seen.add(node.$ref);
    node = node.$ref.slice(2).split('/').reduce((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return node;
}

/** The `const` of a headers schema's ce_type, looking through $ref and allOf. */
function ceTypeOf(schema) {
  const node = deref(schema);
  if (!node || typeof node !== 'object') return undefined;
  const constant = deref(node.properties?.ce_type)?.const;
  if (typeof constant === 'string') return constant;
  for (const part of node.allOf ?? []) {
    const found = ceTypeOf(part);
    if (found) return found;
  }
  return undefined;
}

// Messages: the components' and any written inline in a channel, by the object itself.
const messages = new Map();
for (const [name, message] of Object.entries(doc?.components?.messages ?? {})) messages.set(deref(message), `components.messages.${name}`);
const onChannel = new Set();
const addresses = new Set();
for (const [id, channel] of Object.entries(doc?.channels ?? {})) {
  const resolved = deref(channel);
  if (typeof resolved?.address === 'string') addresses.add(resolved.address);
  for (const [name, ref] of Object.entries(resolved?.messages ?? {})) {
    const message = deref(ref);
    if (!message) continue;
    if (!messages.has(message)) messages.set(message, `channels.${id}.messages.${name}`);
    onChannel.add(message);
  }
}

const problems = [];
const documented = new Map();
for (const [message, where] of messages) {
  const type = ceTypeOf(message.headers);
  if (!type) continue; // e.g. the dead-letter message, which keeps the original headers
  if (documented.has(type)) problems.push(`${type}: documented twice (${documented.get(type)}, ${where})`);
  documented.set(type, where);
  if (!contractTypes.has(type)) problems.push(`${type}: in ${where} but not in libs/contracts event-types.ts`);
  if (!onChannel.has(message) && message['x-edict-published'] !== false) {
    problems.push(`${type}: ${where} is on no channel (add it to one, or mark it x-edict-published: false)`);
  }
}
for (const type of contractTypes) {
  if (!documented.has(type)) problems.push(`${type}: in libs/contracts event-types.ts but no message in ${args.doc} has it as ce_type`);
}
const expectedAddresses = new Set([...contractTopics].flatMap((topic) => [topic, `${topic}.dlq`]));
for (const address of expectedAddresses) if (!addresses.has(address)) problems.push(`topic ${address}: no channel has this address`);
for (const address of addresses) if (!expectedAddresses.has(address)) problems.push(`channel address ${address}: not a topic of libs/contracts topics.ts (or its .dlq)`);

if (contractTypes.size === 0) problems.push('found no io.edict… types in event-types.ts: has the file moved?');
if (problems.length > 0) {
  console.error(`check-asyncapi: ${problems.length} mismatch(es) between ${args.doc} and libs/contracts:`);
  for (const problem of problems.sort()) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`check-asyncapi: ${contractTypes.size} CloudEvents types and ${expectedAddresses.size} topics match ${args.doc}`);
