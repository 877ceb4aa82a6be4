/**
 * Values computed once per key and remembered, at most `limit` of them: past that the memory
 * starts over (keys that come from requests must not grow it without bound). For pure
 * computations only: a forgotten key is computed again, to the same value.
 */
export class BoundedMemo<K, V> {
  private readonly known = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K, compute: (key: K) => V): V {
    if (this.known.has(key)) return this.known.get(key) as V;
    const value = compute(key);
    if (this.known.size >= this.limit) this.known.clear();
    this.known.set(key, value);
    return value;
  }
}
