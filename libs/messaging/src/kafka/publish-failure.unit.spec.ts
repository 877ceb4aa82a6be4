import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { UnavailableError } from '@edict/core';
import { ConnectBackoff } from './connect-backoff';
import { isMessageRejection, publishFailure, PublishCodes } from './publish-failure';

// kafkajs builds these from the broker's error table entry: an Error carrying type, code and retriable
const protocol = (type: string, retriable: boolean) => new KafkaJSProtocolError(Object.assign(new Error(type), { type, code: 10, retriable }));

describe('isMessageRejection', () => {
  it('is true for broker answers about the messages, however kafkajs wraps them, and for encoding failures', () => {
    const tooLarge = protocol('MESSAGE_TOO_LARGE', false);
    expect(isMessageRejection(tooLarge)).toBe(true);
    expect(isMessageRejection(Object.assign(new KafkaJSNonRetriableError(tooLarge), { cause: tooLarge }))).toBe(true);
    expect(isMessageRejection(new TypeError('value must be a string or a Buffer'))).toBe(true);
    expect(isMessageRejection(publishFailure('t', tooLarge))).toBe(true);
  });

  it('is false for an unreachable or slow broker, other protocol errors and the publisher’s transient errors', () => {
    const refused = new KafkaJSConnectionError('connect ECONNREFUSED');
    expect(isMessageRejection(refused)).toBe(false);
    expect(isMessageRejection(new KafkaJSNumberOfRetriesExceeded(refused, { retryCount: 8, retryTime: 100 }))).toBe(false);
    expect(isMessageRejection(protocol('TOPIC_AUTHORIZATION_FAILED', false))).toBe(false);
    expect(isMessageRejection(new UnavailableError(PublishCodes.failed, 'down'))).toBe(false);
  });

  it('maps them to a non-retriable MESSAGING.MESSAGE_REJECTED or a retriable MESSAGING.PUBLISH_FAILED', () => {
    expect(publishFailure('t', protocol('INVALID_RECORD', false))).toMatchObject({ code: PublishCodes.rejected, retriable: false });
    expect(publishFailure('t', new KafkaJSConnectionError('x'))).toMatchObject({ code: PublishCodes.failed, retriable: true, status: 503 });
  });
});

describe('ConnectBackoff', () => {
  it('doubles the wait per consecutive failure up to the maximum, and a success resets it', () => {
    let now = 1000;
    const backoff = new ConnectBackoff(100, 350, () => now);
    expect(backoff.remainingMs()).toBe(0);
    backoff.failed(new Error('refused'));
    expect([backoff.remainingMs(), backoff.lastError]).toEqual([100, 'refused']);
    backoff.failed(new Error('refused'));
    expect(backoff.remainingMs()).toBe(200);
    backoff.failed(new Error('refused'));
    expect(backoff.remainingMs()).toBe(350);
    now += 350;
    expect(backoff.remainingMs()).toBe(0);
    backoff.succeeded();
    backoff.failed(new Error('again'));
    expect(backoff.remainingMs()).toBe(100);
  });
});
