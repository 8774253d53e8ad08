/**
 * A gzip-compressed tar (POSIX ustar) of in-memory entries, with no dependency: what `tar -xzf` unpacks.
 * Paths longer than ustar's 100 bytes are split into its 155-byte prefix and 100-byte name at a `/`.
 */
import { gzipSync } from 'node:zlib';

const BLOCK = 512;

/** Splits a path into ustar's prefix and name fields, or throws when it cannot fit. */
function splitPath(path) {
  const bytes = Buffer.byteLength(path);
  if (bytes <= 100) return { prefix: '', name: path };
  for (let cut = path.indexOf('/'); cut !== -1; cut = path.indexOf('/', cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  throw new Error(`path too long for a tar archive: ${path}`);
}

function octal(value, width) {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header({ path, size, mode, mtime, type }) {
  const block = Buffer.alloc(BLOCK);
  const { prefix, name } = splitPath(path);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(mode, 8), 100, 8, 'ascii');
  block.write(octal(0, 8), 108, 8, 'ascii'); // uid
  block.write(octal(0, 8), 116, 8, 'ascii'); // gid
  block.write(octal(size, 12), 124, 12, 'ascii');
  block.write(octal(Math.floor(mtime / 1000), 12), 136, 12, 'ascii');
  block.fill(' ', 148, 156); // the checksum counts itself as spaces
  block.write(type, 156, 1, 'ascii');
  block.write('ustar\0', 257, 6, 'ascii');
  block.write('00', 263, 2, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
}

/**
 * @param {{ path: string, data?: Buffer, directory?: boolean, mode?: number, mtime: number }[]} entries
 *   paths use `/`; directories end without a slash and carry `directory: true`.
 * @returns {Buffer} the .tar.gz file
 */
export function tarGz(entries) {
  const parts = [];
  for (const entry of entries) {
    if (entry.directory) {
      parts.push(header({ path: `${entry.path}/`, size: 0, mode: 0o755, mtime: entry.mtime, type: '5' }));
      continue;
    }
    const data = entry.data ?? Buffer.alloc(0);
    parts.push(
      header({ path: entry.path, size: data.length, mode: entry.mode ?? 0o644, mtime: entry.mtime, type: '0' }),
    );
    parts.push(data);
    const padding = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (padding) parts.push(Buffer.alloc(padding));
  }
  parts.push(Buffer.alloc(BLOCK * 2)); // end of archive
  return gzipSync(Buffer.concat(parts), { level: 9 });
}
