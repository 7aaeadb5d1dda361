/**
 * Suites that need a system program (Chromium, LibreOffice, PostgreSQL, xmllint, poppler,
 * openssl) ask here before they run. On a developer's fresh machine a missing program skips
 * the suite with one line naming the program and the apt-get command; under CI=true a
 * missing program fails the run, so a green CI proves those suites really ran.
 *
 *   describe.skipIf(!hasProgram('chromium'))('…', () => { … })
 *
 * EDU_HIDE_PROGRAMS=all (or a comma list of ids) rehearses a fresh machine on one that has
 * them: `EDU_HIDE_PROGRAMS=all npm test` must pass with those suites skipped.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

interface Program {
  /** What the one-line skip message calls it. */
  name: string;
  /** The Debian package(s) that bring it. */
  apt: string;
  /** Where it is found, first match wins. */
  find(): string | undefined;
}

const firstExisting = (...candidates: (string | undefined)[]): string | undefined => candidates.find((p) => p !== undefined && existsSync(p));

/** The newest /usr/lib/postgresql/<n>/bin holding initdb and pg_ctl. */
export function findPostgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(base, v, 'bin')).find((bin) => existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl')));
}

export const PROGRAMS = {
  chromium: { name: 'Chromium', apt: 'chromium', find: () => firstExisting(process.env.EDU_CHROMIUM, '/usr/bin/chromium') },
  libreoffice: { name: 'LibreOffice (soffice)', apt: 'libreoffice-calc-nogui', find: () => firstExisting('/usr/bin/soffice', '/usr/bin/libreoffice') },
  'unoidl-write': {
    name: 'unoidl-write (LibreOffice SDK: compiles the extension’s interface)',
    apt: 'libreoffice-dev',
    find: () => firstExisting('/usr/lib/libreoffice/sdk/bin/unoidl-write', '/usr/bin/unoidl-write'),
  },
  python3: { name: 'Python 3 (/usr/bin/python3)', apt: 'python3', find: () => firstExisting('/usr/bin/python3') },
  'python3-uno': { name: 'Python UNO (/usr/bin/python3 with uno)', apt: 'python3-uno', find: () => firstExisting('/usr/lib/python3/dist-packages/uno.py') },
  postgresql: {
    name: 'PostgreSQL server binaries (initdb, pg_ctl)',
    apt: 'postgresql',
    // A server named by EDU_TEST_DATABASE_URL stands in for the local binaries.
    find: () => process.env.EDU_TEST_DATABASE_URL ?? findPostgresBin(),
  },
  xmllint: { name: 'xmllint', apt: 'libxml2-utils', find: () => firstExisting('/usr/bin/xmllint') },
  pdftotext: { name: 'poppler (pdftotext, pdftoppm)', apt: 'poppler-utils', find: () => firstExisting('/usr/bin/pdftotext') },
  openssl: { name: 'openssl', apt: 'openssl', find: () => firstExisting('/usr/bin/openssl') },
} satisfies Record<string, Program>;

export type ProgramId = keyof typeof PROGRAMS;

const told = new Set<string>();

function hidden(id: ProgramId): boolean {
  const hide = (process.env.EDU_HIDE_PROGRAMS ?? '').split(',').map((s) => s.trim());
  return hide.includes('all') || hide.includes(id);
}

/**
 * True when every named program is installed. Otherwise: under CI=true throws (the suite
 * fails to load, naming what is missing); elsewhere prints one line and returns false.
 */
export function hasProgram(...ids: ProgramId[]): boolean {
  const missing = ids.filter((id) => hidden(id) || (PROGRAMS[id] as Program).find() === undefined).map((id) => PROGRAMS[id] as Program);
  if (missing.length === 0) return true;
  const names = missing.map((p) => p.name).join(', ');
  const install = `apt-get install -y ${[...new Set(missing.map((p) => p.apt))].join(' ')}`;
  if (process.env.CI === 'true') throw new Error(`CI=true and ${names} is missing: ${install}`);
  const line = `skipped: needs ${names} — ${install}`;
  if (!told.has(line)) {
    told.add(line);
    process.stdout.write(`${line}\n`);
  }
  return false;
}
