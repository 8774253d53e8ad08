/**
 * A .zip of in-memory entries (deflated, UTF-8 names), with no dependency: what Windows Explorer, macOS Finder
 * and `unzip` open. No zip64: a site is far below its 4 GB and 65,535-entry limits (checked).
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** MS-DOS date and time fields (local time, 2-second resolution, from 1980). */
function dosTime(ms) {
  const d = new Date(Math.max(ms, Date.UTC(1980, 0, 2)));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const UTF8_NAMES = 0x0800;

/**
 * @param {{ path: string, data?: Buffer, directory?: boolean, mode?: number, mtime: number }[]} entries
 * @returns {Buffer} the .zip file
 */
export function zip(entries) {
  if (entries.length > 0xffff) throw new Error(`too many files for a zip without zip64: ${entries.length}`);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.directory ? `${entry.path}/` : entry.path, 'utf8');
    const data = entry.directory ? Buffer.alloc(0) : (entry.data ?? Buffer.alloc(0));
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    const { time, date } = dosTime(entry.mtime);
    if (offset + 30 + name.length + body.length > 0xffffffff)
      throw new Error('archive too large for a zip without zip64');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0 (so that the modes below apply)
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const mode = entry.directory ? 0o40755 : 0o100000 | (entry.mode ?? 0o644);
    central.writeUInt32LE(((mode << 16) | (entry.directory ? 0x10 : 0)) >>> 0, 38); // Unix mode, DOS directory bit
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
