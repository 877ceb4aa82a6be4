import { ValidationError } from '@edict/core';
import { parseWebhooks, redactedUrl } from './webhook-config';

describe('EDICT_WEBHOOKS', () => {
  it('reads url, severities and format, with defaults', () => {
    expect(parseWebhooks(undefined)).toEqual([]);
    expect(parseWebhooks('[{"url":"https://hooks.slack.com/x","severities":["critical"],"format":"slack"},{"url":"http://h/y"}]')).toEqual([
      { url: 'https://hooks.slack.com/x', severities: ['critical'], format: 'slack' },
      { url: 'http://h/y', severities: ['low', 'medium', 'high', 'critical'], format: 'generic' },
    ]);
  });

  it.each(['{', '{}', '[{"url":"ftp://x"}]', '[{"url":"http://x","severities":["p0"]}]', '[{"url":"http://x","format":"teams"}]'])('refuses %s', (raw) => {
    expect(() => parseWebhooks(raw)).toThrow(ValidationError);
  });

  it('redacts query and credentials', () => {
    expect(redactedUrl('https://user:secret@hooks.example/a/b?token=t')).toBe('https://hooks.example/a/b');
  });
});
