/**
 * The two ribbon buttons have distinct icons (issue 13 §5): the manifest gives each its own
 * images, every image it names is one the build draws, and the drawings differ.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconPng } from '../../addin/build/icons.js';

const manifest = readFileSync(path.join(import.meta.dirname, '..', '..', 'manifest.xml'), 'utf8');

const buttonIcons = (id: string): string[] => {
  const control = new RegExp(`<Control xsi:type="Button" id="${id.replace('.', '\\.')}">[\\s\\S]*?</Control>`).exec(manifest)![0];
  return [...control.matchAll(/<bt:Image size="\d+" resid="([^"]+)"\/>/g)].map((m) => m[1]!);
};

/** The decoded RGBA rows of one of our PNGs (IDAT is a single deflate stream). */
const pixels = (png: Buffer): Buffer => inflateSync(png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8));

describe('ribbon icons', () => {
  it('gives the open-pane and recalculate buttons different images, each defined and drawn by the build', () => {
    const pane = buttonIcons('EDU.OpenPane');
    const recalc = buttonIcons('EDU.Recalculate');
    expect(pane).toHaveLength(3);
    expect(recalc).toHaveLength(3);
    expect(pane.filter((r) => recalc.includes(r))).toEqual([]);
    for (const resid of [...pane, ...recalc]) {
      const url = new RegExp(`<bt:Image id="${resid.replace('.', '\\.')}" DefaultValue="[^"]+/assets/((icon|recalc)-(\\d+)\\.png)"/>`).exec(manifest);
      expect(url, resid).not.toBeNull();
      expect(ICON_SIZES).toContain(Number(url![3]) as (typeof ICON_SIZES)[number]);
    }
  });

  it('draws two different pictures at every size', () => {
    for (const size of ICON_SIZES) {
      const a = pixels(iconPng(size, 'pane'));
      const b = pixels(iconPng(size, 'recalc'));
      expect(a.length).toBe(b.length);
      let differing = 0;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing += 1;
      expect(differing / a.length, `size ${size}`).toBeGreaterThan(0.3);
    }
  });
});
