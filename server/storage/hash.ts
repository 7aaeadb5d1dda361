/** The SHA-256 the store records with each scenario version, so anyone can check it is whole. */
import { createHash } from 'node:crypto';

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A scenario version's digest: SHA-256 of `JSON.stringify({ workbook, inputs, results })`
 * as saved. Anyone holding the saved payload can recompute it.
 */
export function scenarioHash(workbook: string, inputsJson: string, resultsJson: string): string {
  return sha256Hex(`{"workbook":${JSON.stringify(workbook)},"inputs":${inputsJson},"results":${resultsJson}}`);
}

