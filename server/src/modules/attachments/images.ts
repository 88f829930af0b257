// Photos residents take on their phones carry where they were taken (EXIF GPS), the phone's make
// and sometimes the owner's name. They are stripped before anything is stored. Only JPEG and PNG
// are accepted: the web client re-encodes whatever the phone gives (HEIC, WebP…) to JPEG first.

export type ImageType = "image/jpeg" | "image/png";

export const ACCEPTED_IMAGE_TYPES: readonly ImageType[] = ["image/jpeg", "image/png"];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type the bytes really are (never the type the client claims), or null. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return "image/png";
  return null;
}

export class MalformedImageError extends Error {}

// JPEG segments that describe the picture's colours stay (APP0 JFIF, APP2 ICC profile, APP14
// Adobe); APP1 (EXIF, XMP: GPS, camera, owner), APP3–APP13, APP15 and comments go.
const KEPT_APP_MARKERS = new Set([0xe0, 0xe2, 0xee]);

function stripJpeg(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) throw new MalformedImageError("JPEG segment expected");
    const marker = bytes[offset + 1];
    if (marker === undefined) throw new MalformedImageError("JPEG ends inside a marker");
    // Fill bytes before a marker.
    if (marker === 0xff) {
      offset++;
      continue;
    }
    // Start of scan: the compressed picture and everything after it are kept as they are.
    if (marker === 0xda) {
      kept.push(bytes.subarray(offset));
      return Buffer.concat(kept);
    }
    // Markers without a length.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(bytes.subarray(offset, offset + 2));
      offset += 2;
      continue;
    }
    if (marker === 0xd9) {
      kept.push(bytes.subarray(offset, offset + 2));
      return Buffer.concat(kept);
    }
    if (offset + 4 > bytes.length) throw new MalformedImageError("JPEG ends inside a segment header");
    const length = bytes.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) throw new MalformedImageError("JPEG segment runs past the end");
    const isMetadata = (marker >= 0xe0 && marker <= 0xef && !KEPT_APP_MARKERS.has(marker)) || marker === 0xfe;
    if (!isMetadata) kept.push(bytes.subarray(offset, end));
    offset = end;
  }
  throw new MalformedImageError("JPEG has no picture data");
}

// PNG chunks that may carry text or a location: tEXt, zTXt, iTXt (comments, author, XMP), eXIf.
const DROPPED_PNG_CHUNKS = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]);

function stripPng(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new MalformedImageError("PNG ends inside a chunk");
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) throw new MalformedImageError("PNG chunk runs past the end");
    if (!DROPPED_PNG_CHUNKS.has(type)) kept.push(bytes.subarray(offset, end));
    offset = end;
    if (type === "IEND") return Buffer.concat(kept);
  }
  throw new MalformedImageError("PNG has no end chunk");
}

/** The picture without its metadata. Throws MalformedImageError for bytes that are not a whole image. */
export function stripImageMetadata(bytes: Buffer, type: ImageType): Buffer {
  return type === "image/jpeg" ? stripJpeg(bytes) : stripPng(bytes);
}
