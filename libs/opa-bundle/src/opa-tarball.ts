import { sha256Hex } from '@edict/core';
import { gunzipSync, gzipSync } from 'node:zlib';
import { extract, pack } from 'tar-stream';
import { opaBundleError } from './opa-bundle-error';
import type { OpaBundleFile } from './opa-bundle.types';

/** Gzip header byte 9 (OS): 255 "unknown", as Go's gzip writes, whatever platform zlib was built for. */
const GZIP_OS_UNKNOWN = 0xff;
/** Unpacking stops past this many bytes of tar (OPA's own default limit is 1 GiB per file). */
const MAX_TAR_BYTES = 64 * 1024 * 1024;

/**
 * A gzipped tar of the files, in the order given, that depends on nothing but the files: regular
 * file entries only, mode 0644, uid/gid 0, no user or group names, mtime 0, ustar headers (a PAX
 * `path` record only for a name ustar cannot hold — never timestamps), gzip level 9 with mtime 0,
 * no file name and a fixed OS byte. Deflate output is stable for a given zlib build.
 */
export async function packOpaTarball(files: readonly OpaBundleFile[]): Promise<Buffer> {
  const tar = pack();
  for (const file of files) {
    tar.entry({ name: file.name, size: file.bytes.length, mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', mtime: new Date(0), type: 'file' }, file.bytes);
  }
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar) chunks.push(chunk as Buffer);
  const gzipped = gzipSync(Buffer.concat(chunks), { level: 9 });
  gzipped[9] = GZIP_OS_UNKNOWN;
  return gzipped;
}

/** `sha256:<hex>` of bytes. */
export const sha256Digest = (bytes: Uint8Array): string => `sha256:${sha256Hex(bytes)}`;

/**
 * The regular files of a gzipped tarball, names without a leading `/` (as OPA reads them); other
 * entries (directories) are skipped, as OPA skips them. Refuses what does not unpack, and a name
 * that appears twice, with `OPA_BUNDLE.TARBALL_UNREADABLE`.
 */
export async function unpackOpaTarball(tarball: Uint8Array): Promise<OpaBundleFile[]> {
  const files: OpaBundleFile[] = [];
  try {
    const reader = extract();
    reader.end(gunzipSync(tarball, { maxOutputLength: MAX_TAR_BYTES }));
    for await (const entry of reader) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      if (entry.header.type === 'file') files.push({ name: entry.header.name.replace(/^\/+/, ''), bytes: Buffer.concat(chunks) });
    }
  } catch (error) {
    throw opaBundleError('OPA_BUNDLE.TARBALL_UNREADABLE', `not a gzipped tarball: ${(error as Error).message}`);
  }
  const names = files.map((file) => file.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw opaBundleError('OPA_BUNDLE.TARBALL_UNREADABLE', `the tarball holds '${repeated}' twice`, { file: repeated });
  return files;
}
