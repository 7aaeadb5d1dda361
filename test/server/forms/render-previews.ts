/**
 * Prints every form's example the way a user would see it on paper: the service's .xlsx
 * is converted to PDF by LibreOffice (headless, a private profile so it never collides
 * with another soffice) and each page to PNG by pdftoppm.
 *
 *   npx tsx test/server/forms/render-previews.ts docs/forms     (writes only the PNGs there)
 *
 * 方正小标宋简体 and 仿宋_GB2312 are rarely installed on Linux; for the previews they are
 * mapped to Noto Serif CJK SC (a Song-style face) through a private fontconfig file, so
 * the pictures show a serif face as Windows would with the real fonts or 宋体/仿宋.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { forms, prepareForm } from '../../../server/forms/index.js';
import { writeFormXlsx } from '../../../server/forms/xlsx-writer.js';
import { printToPdf } from '../../helpers/print-pdf.js';

const run = promisify(execFile);
export const PDFTOPPM = existsSync('/usr/bin/pdftoppm') ? '/usr/bin/pdftoppm' : undefined;

const FONT_ALIASES = ['方正小标宋简体', '仿宋_GB2312', '仿宋', '宋体']
  .map((family) => `<alias binding="same"><family>${family}</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>`)
  .join('');

/** Writes each form's example .xlsx and its PDF into `outDir`; returns the PDF paths. */
export async function renderPdfs(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(path.join(tmpdir(), 'edu-forms-'));
  try {
    const files: string[] = [];
    for (const form of forms) {
      const prepared = prepareForm(form, form.example, 'official');
      if (!('grid' in prepared)) throw new Error(`${form.id}: its example does not lay out`);
      const file = path.join(outDir, `${form.id}.xlsx`);
      await writeFile(file, await writeFormXlsx(prepared.grid));
      files.push(file);
    }
    const fontsConf = path.join(work, 'fonts.conf');
    await writeFile(fontsConf, `<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${FONT_ALIASES}</fontconfig>`);
    return await printToPdf(files, outDir, { FONTCONFIG_FILE: fontsConf });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Each page of each PDF as <name>-<page>.png in `pngDir` (old PNGs there are replaced). */
export async function pagesToPng(pdfs: readonly string[], pngDir: string): Promise<void> {
  if (!PDFTOPPM) throw new Error('pdftoppm (poppler-utils) is not installed');
  await mkdir(pngDir, { recursive: true });
  for (const old of (await readdir(pngDir)).filter((f) => f.endsWith('.png'))) await rm(path.join(pngDir, old));
  for (const pdf of pdfs) await run(PDFTOPPM, ['-r', '80', '-png', pdf, path.join(pngDir, path.basename(pdf, '.pdf'))]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pngDir = process.argv[2] ?? 'docs/forms';
  const work = await mkdtemp(path.join(tmpdir(), 'edu-previews-'));
  try {
    await pagesToPng(await renderPdfs(work), pngDir);
    console.log(`wrote the pages of ${forms.length} forms as PNG into ${pngDir}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
