/** Minimal PNG reader for tests: checks the signature and every chunk's CRC, and inflates the image data. */
import * as zlib from "zlib";
import { crc32 } from "../../scripts/make-icons";

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
  chunkTypes: string[];
  /** Inflated IDAT stream (filter byte + scanline per row). */
  scanlines: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPng(bytes: Buffer): PngInfo {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG: bad signature");
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let ihdr: Buffer | undefined;
  let pos = 8;
  while (pos < bytes.length) {
    if (pos + 12 > bytes.length) throw new Error(`truncated chunk header at byte ${pos}`);
    const len = bytes.readUInt32BE(pos);
    const type = bytes.toString("latin1", pos + 4, pos + 8);
    const end = pos + 8 + len;
    if (end + 4 > bytes.length) throw new Error(`truncated ${type} chunk`);
    const crc = bytes.readUInt32BE(end);
    if (crc32(bytes.subarray(pos + 4, end)) !== crc) throw new Error(`${type} chunk has a bad CRC`);
    const body = bytes.subarray(pos + 8, end);
    chunkTypes.push(type);
    if (type === "IHDR") ihdr = body;
    if (type === "IDAT") idat.push(body);
    pos = end + 4;
    if (type === "IEND") break;
  }
  if (!ihdr || ihdr.length !== 13) throw new Error("missing or malformed IHDR");
  if (chunkTypes[0] !== "IHDR") throw new Error("IHDR is not the first chunk");
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8],
    colourType: ihdr[9],
    interlace: ihdr[12],
    chunkTypes,
    scanlines: zlib.inflateSync(Buffer.concat(idat)),
  };
}

/** Bytes per pixel for 8-bit images of a colour type (0 grey, 2 RGB, 4 grey+alpha, 6 RGBA). */
export function bytesPerPixel(colourType: number): number {
  const table: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };
  const n = table[colourType];
  if (n === undefined) throw new Error(`unsupported colour type ${colourType}`);
  return n;
}
