import { createLogger } from '@edict/observability';
import { logDecisionRequest } from './decision-access-log';

const labels = { method: 'POST', route: '/v1/decisions', status: '200' };

const capture = (level: string): { lines: Record<string, unknown>[]; log: () => void } => {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('pdp', { level, destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  return { lines, log: () => logDecisionRequest(logger, labels, 0.0042, (write) => write()) };
};

describe('the access line of a decision request', () => {
  it.each(['info', 'warn'])('writes nothing at %s: no line per decision', (level) => {
    const { lines, log } = capture(level);
    for (let i = 0; i < 100; i++) log();
    expect(lines).toEqual([]);
  });

  it('writes one line per request at debug, with the metric labels and the duration', () => {
    const { lines, log } = capture('debug');
    log();
    expect(lines).toEqual([expect.objectContaining({ msg: 'request handled', method: 'POST', route: '/v1/decisions', status: '200', durationMs: 4 })]);
  });

  it('does not even enter the correlation context when debug is off', () => {
    const logger = createLogger('pdp', { level: 'info', destination: { write: () => undefined } });
    const inContext = jest.fn();
    logDecisionRequest(logger, labels, 1, inContext);
    expect(inContext).not.toHaveBeenCalled();
  });
});
