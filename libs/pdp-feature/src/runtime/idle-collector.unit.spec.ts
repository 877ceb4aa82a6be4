import { IdleCollector } from './idle-collector';

describe('IdleCollector', () => {
  let now = 0;
  beforeEach(() => {
    jest.useFakeTimers();
    now = 0;
  });
  afterEach(() => jest.useRealTimers());
  const advance = (ms: number): void => {
    now += ms;
    jest.advanceTimersByTime(ms);
  };

  it('given work, collects once idleMs after the last of it, and not again until there is more work', () => {
    const collect = jest.fn();
    const idle = new IdleCollector(1000, collect, () => now);
    idle.busy();
    advance(600);
    idle.busy(); // still busy: the quiet period starts again
    advance(600);
    expect(collect).not.toHaveBeenCalled();
    advance(400);
    expect(collect).toHaveBeenCalledTimes(1);
    advance(10_000);
    expect(collect).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
    idle.busy();
    advance(1000);
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it('without work, or with idleMs 0, arms no timer and never collects', () => {
    const collect = jest.fn();
    new IdleCollector(1000, collect, () => now);
    const off = new IdleCollector(0, collect, () => now);
    off.busy();
    advance(5000);
    expect(jest.getTimerCount()).toBe(0);
    expect(collect).not.toHaveBeenCalled();
  });

  it('stop() drops a pending collection', () => {
    const collect = jest.fn();
    const idle = new IdleCollector(1000, collect, () => now);
    idle.busy();
    idle.stop();
    advance(2000);
    expect(collect).not.toHaveBeenCalled();
  });

  it('collects again idleMs later while the heap has not settled, until it has', () => {
    const answers = [false, true];
    const collect = jest.fn(() => answers.shift() ?? true);
    const idle = new IdleCollector(1000, collect, () => now);
    idle.busy();
    advance(1000);
    expect(collect).toHaveBeenCalledTimes(1);
    advance(1000);
    expect(collect).toHaveBeenCalledTimes(2);
    advance(10_000);
    expect(collect).toHaveBeenCalledTimes(2);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('gives up after maxCollections, and leaves no timer behind', () => {
    const collect = jest.fn(() => false);
    const idle = new IdleCollector(1000, collect, () => now, 3);
    idle.busy();
    advance(60_000);
    expect(collect).toHaveBeenCalledTimes(3);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('starts counting again with new work', () => {
    const collect = jest.fn(() => false);
    const idle = new IdleCollector(1000, collect, () => now, 2);
    idle.busy();
    advance(1000);
    idle.busy(); // work between two collections: the quiet period and the count start again
    advance(1000);
    advance(1000);
    expect(collect).toHaveBeenCalledTimes(3);
    advance(10_000);
    expect(collect).toHaveBeenCalledTimes(3);
    expect(jest.getTimerCount()).toBe(0);
  });
});
