/**
 * What every command-line tool of the service shares: it opens the store as its owner (the
 * role that may migrate), runs one command, prints its lines, and exits 2 with the usage
 * for a mistake in the command line, 1 for any other failure, always closing the store.
 */
import { storageSettings } from '../config.js';
import { projectRoot } from '../project-root.js';
import { openStorage } from '../storage/index.js';
import type { Storage } from '../storage/types.js';

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export type CliCommand = (storage: Storage, args: readonly string[], print: (line: string) => void) => Promise<number | void>;

export async function runCli(command: CliCommand, usage: string): Promise<number> {
  let storage: Storage | undefined;
  try {
    storage = await openStorage(storageSettings(process.env, projectRoot(), 'owner'));
    return (await command(storage, process.argv.slice(2), (line) => process.stdout.write(`${line}\n`))) ?? 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n\n${usage}\n`);
      return 2;
    }
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await storage?.close();
  }
}
