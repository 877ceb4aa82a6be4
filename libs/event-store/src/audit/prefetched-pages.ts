/**
 * Pages of the log read one ahead: the next page is asked for as soon as one arrives, so the store
 * reads it while the caller works on this one. `after` says where the page after `page` starts, or
 * undefined when `page` was the last (short, or empty). A prefetched page nobody awaits (the
 * caller stopped) does not become an unhandled rejection.
 */
export async function* prefetchedPages<P>(read: (after: number) => Promise<P>, first: number, after: (page: P) => number | undefined): AsyncGenerator<P> {
  const ask = (from: number): Promise<P> => {
    const page = read(from);
    page.catch(() => undefined);
    return page;
  };
  let next = ask(first);
  for (;;) {
    const page = await next;
    const from = after(page);
    if (from !== undefined) next = ask(from);
    yield page;
    if (from === undefined) return;
  }
}
