/**
 * Writes the add-in icons (assets/icon-16/32/64/80/128.png) as real PNGs using only node's zlib.
 *
 * The mark: a blue rounded square (Fluent brand blue, light-to-dark vertical gradient) with three white
 * ascending bars. The layout is drawn on a 16-unit grid, so at every size (all multiples of 16) the bars
 * land exactly on pixel edges and stay crisp; only the rounded corners are anti-aliased (by 8x8
 * supersampling). Output is deterministic: running the script twice writes identical bytes.
 *
 * Usage: npx tsx scripts/make-icons.ts [outDir]   (default: assets)
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

/** An RGBA image, row-major, 4 bytes per pixel, straight (non-premultiplied) alpha. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

const CRC_TABLE: Uint32Array = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as used by PNG chunks (ISO 3309 / ITU-T V.42). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const typeAndBody = Buffer.concat([Buffer.from(type, "latin1"), Buffer.from(body)]);
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  typeAndBody.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndBody), 8 + body.length);
  return out;
}

/** Encodes an RGBA image as an 8-bit truecolour-with-alpha PNG (filter type 0 on every row). */
export function encodePng(img: Rgba): Buffer {
  const { width, height, data } = img;
  if (data.length !== width * height * 4) throw new Error("encodePng: data length does not match width x height x 4");
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    Buffer.from(data.buffer, data.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/** Is (x, y) inside the rounded rectangle [x0,x1]×[y0,y1] with corner radius r? (all in the same units) */
function inRoundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = x < x0 + r ? x0 + r : x > x1 - r ? x1 - r : x;
  const cy = y < y0 + r ? y0 + r : y > y1 - r ? y1 - r : y;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

/** Bars on the 16-unit grid: [left, right, top], all sharing the baseline BAR_BOTTOM. */
const BARS: ReadonlyArray<readonly [number, number, number]> = [
  [3, 5, 9],
  [7, 9, 6],
  [11, 13, 3],
];
const BAR_BOTTOM = 13;
const CORNER = 3.2; // background corner radius in grid units
const TOP_COLOUR = [0x2b, 0x88, 0xd8] as const; // lighter blue
const BOTTOM_COLOUR = [0x0f, 0x54, 0x9c] as const; // deeper blue (Fluent brand range)

/** Draws the School Funding Studio mark at the given pixel size (a multiple of 16 keeps the bars crisp). */
export function drawIcon(size: number): Rgba {
  const data = new Uint8Array(size * size * 4);
  const unit = size / 16;
  const ss = 8; // supersamples per axis
  for (let py = 0; py < size; py++) {
    const t = size === 1 ? 0 : py / (size - 1);
    const blue = TOP_COLOUR.map((c, i) => c + (BOTTOM_COLOUR[i] - c) * t);
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let bar = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const ux = (px + (sx + 0.5) / ss) / unit;
          const uy = (py + (sy + 0.5) / ss) / unit;
          if (!inRoundedRect(ux, uy, 0, 0, 16, 16, CORNER)) continue;
          bg++;
          if (BARS.some(([l, r, top]) => ux >= l && ux < r && uy >= top && uy < BAR_BOTTOM)) bar++;
        }
      }
      const n = ss * ss;
      const alpha = bg / n;
      const o = (py * size + px) * 4;
      if (bg === 0) continue; // fully transparent pixel: leave 0,0,0,0
      const w = bar / bg; // white share of the covered area
      data[o] = Math.round(blue[0] + (255 - blue[0]) * w);
      data[o + 1] = Math.round(blue[1] + (255 - blue[1]) * w);
      data[o + 2] = Math.round(blue[2] + (255 - blue[2]) * w);
      data[o + 3] = Math.round(alpha * 255);
    }
  }
  return { width: size, height: size, data };
}

/** Writes every icon size into outDir; returns the written paths. */
export function writeIcons(outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "assets"));
  for (const file of writeIcons(outDir)) {
    console.log(`wrote ${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes)`);
  }
}
