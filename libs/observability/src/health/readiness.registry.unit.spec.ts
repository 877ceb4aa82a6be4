import { ReadinessRegistry } from './readiness.registry';

describe('ReadinessRegistry', () => {
  it('is ready with no checks', async () => {
    expect(await new ReadinessRegistry().run()).toEqual({ ready: true, checks: {} });
  });

  it('reports each check: up, down (rejected or thrown), timeout', async () => {
    const registry = new ReadinessRegistry();
    registry.register('store', () => Promise.resolve());
    registry.register('kafka', () => Promise.reject(new Error('ECONNREFUSED')));
    registry.register('opa', () => {
      throw new Error('no binary');
    });
    registry.register('slow', () => new Promise<void>(() => undefined), { timeoutMs: 20 });
    const report = await registry.run();
    expect(report.ready).toBe(false);
    expect(report.checks['store']).toMatchObject({ status: 'up' });
    expect(report.checks['kafka']).toMatchObject({ status: 'down', error: 'ECONNREFUSED' });
    expect(report.checks['opa']).toMatchObject({ status: 'down', error: 'no binary' });
    expect(report.checks['slow']).toMatchObject({ status: 'timeout' });
  });

  it('runs checks concurrently, so the probe takes as long as the slowest check', async () => {
    const registry = new ReadinessRegistry();
    const wait = () => new Promise<void>((resolve) => setTimeout(resolve, 100));
    ['a', 'b', 'c', 'd'].forEach((name) => registry.register(name, wait));
    const start = Date.now();
    expect((await registry.run()).ready).toBe(true);
    expect(Date.now() - start).toBeLessThan(350);
  });

  it('refuses a duplicate name and unregisters', async () => {
    const registry = new ReadinessRegistry();
    const remove = registry.register('store', () => Promise.reject(new Error('down')));
    expect(() => registry.register('store', () => Promise.resolve())).toThrow(/already registered/);
    remove();
    expect(registry.names()).toEqual([]);
    expect((await registry.run()).ready).toBe(true);
  });
});
