/**
 * Bytes to text as kubectl reads a file: cli-runtime pkg/resource/visitor.go (*FileVisitor).Visit wraps the
 * file in unicode.BOMOverride(unicode.UTF8.NewDecoder()), so a UTF-16 byte-order mark switches to UTF-16, a
 * UTF-8 one is dropped, and invalid UTF-8 is silently replaced by U+FFFD (golang.org/x/text utf8Decoder).
 * We decode the same way but also report where the first invalid byte was, since a silently altered
 * manifest is worth flagging.
 */

export interface InvalidUtf8 {
  /** Offset of the first invalid byte in the input. */
  byteOffset: number;
  /** Offset of the replacement character standing for it in the decoded text. */
  textOffset: number;
  byte: number;
}

export interface DecodedBytes {
  text: string;
  invalid: InvalidUtf8 | undefined;
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when it is invalid (RFC 3629 ranges). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const continuation = (at: number, low = 0x80, high = 0xbf) => {
    const b = bytes[at];
    return b !== undefined && b >= low && b <= high;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return continuation(i + 1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return continuation(i + 1, low, high) && continuation(i + 2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return continuation(i + 1, low, high) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
  }
  return 0;
}

function findInvalidUtf8(bytes: Uint8Array, from: number): InvalidUtf8 | undefined {
  let textOffset = 0;
  for (let i = from; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return { byteOffset: i, textOffset, byte: bytes[i] ?? 0 };
    textOffset += length === 4 ? 2 : 1;
    i += length;
  }
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  const units = new Uint16Array(Math.floor((bytes.length - 2) / 2));
  for (let u = 0; u < units.length; u++) {
    const a = bytes[2 + 2 * u] ?? 0;
    const b = bytes[3 + 2 * u] ?? 0;
    units[u] = bigEndian ? (a << 8) | b : (b << 8) | a;
  }
  // TextDecoder turns unpaired surrogates into U+FFFD, as the x/text UTF-16 decoder does.
  return new TextDecoder('utf-16le').decode(new Uint8Array(units.buffer));
}

export function decodeManifestBytes(bytes: Uint8Array): DecodedBytes {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes, true), invalid: undefined };
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeUtf16(bytes, false), invalid: undefined };
  const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  const invalid = findInvalidUtf8(bytes, bom);
  // TextDecoder drops a UTF-8 BOM and replaces invalid sequences with U+FFFD.
  const text = new TextDecoder('utf-8').decode(bytes);
  return { text, invalid };
}
