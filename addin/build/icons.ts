/**
 * The add-in's icons, drawn at build time as PNGs (no binary files in the repository), at
 * the sizes the manifest names. Each ribbon button has its own (issue 13 §5):
 *  - pane: the Office blue square with three white bars (a ledger / a table), which opens the pane;
 *  - recalc: a green square with a white ring broken by an arrow head (recalculate), which
 *    recalculates the EDU cells.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export type IconMotif = 'pane' | 'recalc';

/** True where the motif is white at (u, v), both from 0 to 1 across the icon. */
const MOTIFS: Record<IconMotif, { background: [number, number, number]; white(u: number, v: number): boolean }> = {
  pane: {
    background: [15, 108, 189],
    white: (u, v) => [0.28, 0.48, 0.68].some((f) => Math.abs(v - f) < 0.06) && u > 0.22 && u < 0.78,
  },
  recalc: {
    background: [16, 124, 65],
    white: (u, v) => {
      const d = Math.hypot(u - 0.5, v - 0.5);
      const ring = d > 0.2 && d < 0.31 && !(u > 0.5 && v < 0.5 && v > 0.5 - (u - 0.5) * 0.9);
      // The arrow head at the ring's open end (upper right), pointing down the ring.
      const head = v > 0.18 && v < 0.42 && u > 0.6 && u < 0.88 && u - 0.6 > Math.abs(v - 0.3) * 1.1;
      return ring || head;
    },
  },
};

/** A size x size RGBA PNG: a rounded square of the motif's colour with its white mark. */
export function iconPng(size: number, motif: IconMotif = 'pane'): Buffer {
  const { background, white } = MOTIFS[motif];
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const r = Math.max(1, Math.round(size / 8));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const cx = Math.min(x, size - 1 - x);
      const cy = Math.min(y, size - 1 - y);
      const inCorner = cx < r && cy < r && (r - cx) ** 2 + (r - cy) ** 2 > r * r;
      const [R, G, B] = white((x + 0.5) / size, (y + 0.5) / size) ? [255, 255, 255] : background;
      raw[o] = R;
      raw[o + 1] = G;
      raw[o + 2] = B;
      raw[o + 3] = inCorner ? 0 : 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const ICON_SIZES = [16, 32, 64, 80] as const;
