/** The UTF-8 size of a string, for the size limit, without encoding it. */

/** The UTF-8 length of `text`, counting no further than `limit + 1` bytes. */
export function utf8LengthUpTo(text: string, limit: number): number {
  // Every UTF-16 unit is 1 to 3 UTF-8 bytes: decide most inputs without looking at them.
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The UTF-16 offset of the first character that does not fit in `limit` UTF-8 bytes. */
export function offsetAtByte(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
    if (bytes + size > limit) return i;
    bytes += size;
    if (size === 4) i++;
  }
  return text.length;
}
