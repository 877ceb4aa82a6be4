/**
 * Orders strings by their UTF-8 bytes, as Go's `sort.Strings` does (OPA sorts object keys so
 * before hashing). Plain `<` compares UTF-16 code units, which differs for characters above U+FFFF.
 */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
