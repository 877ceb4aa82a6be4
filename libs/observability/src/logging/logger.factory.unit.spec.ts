import { runWithContext } from '../context/correlation.context';
import { createLogger } from './logger.factory';
import { PinoNestLogger } from './nest-logger.adapter';

function capture(level = 'trace') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('authoring', { level, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes JSON with the service, a label level and an ISO time', () => {
    const { logger, lines } = capture();
    logger.info({ streamId: 'bundle-1', eventId: 'e-1' }, 'appended');
    expect(lines[0]).toMatchObject({ level: 'info', service: 'authoring', streamId: 'bundle-1', eventId: 'e-1', msg: 'appended' });
    expect(new Date(String(lines[0]?.['time'])).toISOString()).toBe(lines[0]?.['time']);
  });

  it('mixes the current correlation and causation ids into every line', () => {
    const { logger, lines } = capture();
    runWithContext({ correlationId: 'c-9', causationId: 'e-3' }, () => logger.warn('inside'));
    logger.warn('outside');
    expect(lines[0]).toMatchObject({ correlationId: 'c-9', causationId: 'e-3' });
    expect(lines[1]).not.toHaveProperty('correlationId');
  });

  it('redacts tokens and authorization headers', () => {
    const { logger, lines } = capture();
    logger.info({ principal: { subject: 'a', token: 'secret.jwt' }, headers: { authorization: 'Bearer x' } }, 'oops');
    expect(JSON.stringify(lines[0])).not.toMatch(/secret\.jwt|Bearer x/);
  });

  it('honours the level', () => {
    const { logger, lines } = capture('warn');
    logger.info('dropped');
    logger.error('kept');
    expect(lines.map((line) => line['msg'])).toEqual(['kept']);
  });
});

describe('PinoNestLogger', () => {
  it('maps Nest calls to levels, with the context and the stack as fields', () => {
    const { logger, lines } = capture();
    const nest = new PinoNestLogger(logger);
    nest.log('Mapped {/x, GET} route', 'RouterExplorer');
    nest.error('failed', 'Error: failed\n    at x', 'ExceptionsHandler');
    nest.error('lonely', 'Bootstrap');
    nest.verbose({ some: 'object' });
    expect(lines[0]).toMatchObject({ level: 'info', context: 'RouterExplorer', msg: 'Mapped {/x, GET} route' });
    expect(lines[1]).toMatchObject({ level: 'error', context: 'ExceptionsHandler', stack: 'Error: failed\n    at x', msg: 'failed' });
    expect(lines[2]).toMatchObject({ level: 'error', context: 'Bootstrap', msg: 'lonely' });
    expect(lines[3]).toMatchObject({ level: 'trace', msg: '{"some":"object"}' });
  });
});
