import { isUtf8 } from "node:buffer";

/** Files larger than this are not parsed: a journey map is a few kilobytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The message for a file over the size bound, whether it was read or only stat'ed. */
export function tooLarge(bytes: number): string {
  const mib = (bytes / 1024 / 1024).toFixed(1);
  return `file is ${mib} MiB; files larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB are not read`;
}

/** `text` is always usable for positions; when `ok` is false it is a lossy decoding (or empty). */
export type Decoded =
  { ok: true; text: string } | { ok: false; text: string; message: string; offset: number };

/**
 * Turns a file's bytes into text: UTF-8, with or without BOM. Binary files (a NUL byte) are refused
 * at the file's start; other encodings at the first character that is not UTF-8, so the finding
 * can point at it.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_FILE_BYTES)
    return { ok: false, text: "", offset: 0, message: tooLarge(bytes.length) };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      text: "",
      offset: 0,
      message: "binary file (it contains a NUL byte), not YAML text",
    };
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8");
  if (!isUtf8(bytes)) {
    const at = text.indexOf("\uFFFD");
    const byte = firstInvalidByte(bytes);
    return {
      ok: false,
      text,
      offset: at === -1 ? 0 : at,
      message: `file is not UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")}); save it as UTF-8`,
    };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    const len =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    if (len === 0) return b;
    for (let k = 1; k < len; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return b;
    }
    i += len - 1;
  }
  return 0;
}
