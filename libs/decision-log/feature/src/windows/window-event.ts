import { CloudEvent } from 'cloudevents';
import { cloudEventTypes, type DecisionWindowClosed } from '@edict/contracts';
import { sha256Hex } from '@edict/core';
import type { EdictCloudEvent } from '@edict/messaging';

type ClosedWindow = DecisionWindowClosed['data'];

/** The CloudEvents `source` of every window decision-log publishes. */
export const WINDOW_SOURCE = '/edict/decision-log';

/**
 * The event id of a window revision: sha256 over what identifies it (policy, version, canary flag,
 * start and end, instants normalised, and the revision when above 1, so that revision 1 keeps the
 * id windows had before corrections existed), laid out as a UUIDv8 (RFC 9562). Deterministic, so a
 * revision published again after a crash or by a second replica is deduplicated downstream by id,
 * while a correction (the next revision) is a new event.
 */
export const windowEventId = (w: Pick<ClosedWindow, 'policyId' | 'version' | 'canary' | 'windowStart' | 'windowEnd' | 'revision'>): string => {
  const instant = (iso: string): string => new Date(iso).toISOString();
  const identity: unknown[] = ['DecisionWindowClosed', w.policyId, w.version, w.canary, instant(w.windowStart), instant(w.windowEnd)];
  if ((w.revision ?? 1) > 1) identity.push(w.revision);
  const hex = sha256Hex(JSON.stringify(identity));
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** The window as published on `edict.decision-windows.v1`: keyed and subject by policy id. */
export const windowCloudEvent = (w: ClosedWindow): EdictCloudEvent =>
  new CloudEvent<Record<string, unknown>>({
    id: windowEventId(w),
    type: cloudEventTypes.DecisionWindowClosed,
    source: WINDOW_SOURCE,
    subject: w.policyId,
    time: w.windowEnd,
    datacontenttype: 'application/json',
    data: { ...w },
    partitionkey: w.policyId,
  });
