/**
 * Prints spreadsheets to PDF the way a user would: LibreOffice headless with a private
 * profile (so it never collides with another soffice on the machine), then pdftotext for
 * what each page says. Callers check hasProgram('libreoffice', 'pdftotext') first.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Every error value Excel or LibreOffice prints (LibreOffice's own are Err:5xx). */
export const ERROR_VALUE = /#NAME\?|#VALUE!|#N\/A|#REF!|#DIV\/0!|#NUM!|#NULL!|#SPILL!|#CALC!|Err:\d{3}/g;

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/**
 * Converts `files` to PDF in `outDir` (same base names); `env` adds to the environment (e.g.
 * FONTCONFIG_FILE). A fresh private profile is used and removed unless `profile` names one
 * to use as it is (e.g. with the EDU extension added).
 */
export async function printToPdf(files: readonly string[], outDir: string, env: Record<string, string> = {}, given?: string): Promise<string[]> {
  if (!SOFFICE) throw new Error('LibreOffice (soffice) is not installed');
  const profile = given ?? (await mkdtemp(path.join(tmpdir(), 'edu-soffice-')));
  try {
    await run(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      env: { ...process.env, ...env },
      timeout: 180_000,
    });
  } finally {
    if (given === undefined) await rm(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
}

/** The text of each page of a PDF (pdftotext -layout; pages split at form feeds). */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}
