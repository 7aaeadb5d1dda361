/**
 * What the service log keeps when a plan fails its own verifier (a bug, answered 500): how
 * many violations of which rule, and the SHA-256 of the request, so an administrator who has
 * the request can reproduce the case. Never the verifier's messages: they name teachers and
 * schools by the request's ids and names, and a county may use ID-card numbers as teacher
 * ids (issue 15 §3: logs never hold names or ID-card numbers).
 */
import { inputHash } from './input-hash.js';

export type ViolationSummary = {
  violations: number;
  /** Violations per rule name (the verifier's fixed vocabulary: row, capacity, quota ...). */
  rules: Record<string, number>;
  inputHash: string;
};

export function violationSummary(violations: readonly { rule: string }[], body: unknown): ViolationSummary {
  const rules: Record<string, number> = {};
  for (const v of violations) rules[v.rule] = (rules[v.rule] ?? 0) + 1;
  return { violations: violations.length, rules, inputHash: inputHash(body) };
}
