/**
 * Builds dist/edu.oxt, the LibreOffice Calc extension, from the registry.
 *
 * The interface must reach LibreOffice as a binary type library: tried here, LibreOffice 7.4
 * reads an .idl named as the type library (its unoidl source provider) but the Python
 * component built on it is never instantiated, so the IDL is compiled with unoidl-write
 * from the LibreOffice SDK (Debian package libreoffice-dev). Without it the build skips the
 * extension with one line and builds everything else.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { catalog } from '../../formulas/catalog.js';
import {
  calcAddInsXcu,
  descriptionXml,
  interfaceIdl,
  jobsXcu,
  manifestXml,
  PYTHON_COMPONENT,
  PYTHON_WIRE_MODULE,
  runtimeFunctionsJson,
  runtimeMessagesJson,
  settingsXcs,
  TYPE_LIBRARY,
} from './oxt-files.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');

export const UNOIDL_WRITE = ['/usr/lib/libreoffice/sdk/bin/unoidl-write', '/usr/bin/unoidl-write'].find((p) => existsSync(p));
const OFFICE_TYPES = '/usr/lib/libreoffice/program/types.rdb';

/** Compiles the generated IDL against LibreOffice's own types into a binary .rdb. */
async function compileTypes(idl: string): Promise<Buffer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'edu-idl-'));
  try {
    writeFileSync(path.join(dir, 'XEduFunctions.idl'), idl);
    await run(UNOIDL_WRITE!, [OFFICE_TYPES, path.join(dir, 'XEduFunctions.idl'), path.join(dir, TYPE_LIBRARY)]);
    return readFileSync(path.join(dir, TYPE_LIBRARY));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the extension; returns its path, or undefined (after one line) when unoidl-write is missing. */
export async function buildOxt(outFile = path.join(root, 'dist', 'edu.oxt')): Promise<string | undefined> {
  if (!UNOIDL_WRITE || !existsSync(OFFICE_TYPES)) {
    process.stdout.write('dist/edu.oxt skipped: needs unoidl-write and LibreOffice types — apt-get install -y libreoffice-dev\n');
    return undefined;
  }
  const entries = catalog();
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const zip = new JSZip();
  zip.file('META-INF/manifest.xml', manifestXml());
  zip.file('description.xml', descriptionXml(version));
  zip.file(TYPE_LIBRARY, await compileTypes(interfaceIdl(entries)));
  zip.file('CalcAddIns.xcu', calcAddInsXcu(entries));
  zip.file('Settings.xcs', settingsXcs());
  zip.file('Jobs.xcu', jobsXcu());
  zip.file(PYTHON_COMPONENT, readFileSync(path.join(import.meta.dirname, 'python', PYTHON_COMPONENT)));
  zip.file(PYTHON_WIRE_MODULE, readFileSync(path.join(import.meta.dirname, 'python', PYTHON_WIRE_MODULE)));
  zip.file('edu_functions.json', runtimeFunctionsJson(entries));
  zip.file('edu_messages.json', runtimeMessagesJson());
  writeFileSync(outFile, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return outFile;
}
