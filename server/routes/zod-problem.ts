/**
 * A request body that zod refuses, as one bilingual 400 naming where it is wrong, the value
 * there and why (words from formulas/core/issue-messages.ts), then what to send, e.g.
 * `方案不合要求：name：“” 是空的。… / The scenario is not valid at name: "" is empty. …`.
 */
import type { z } from 'zod';
import type { Bilingual } from '../../formulas/core/errors.js';
import { deepestIssue, issuePath, valueAt, valueProblem } from '../../formulas/core/issue-messages.js';
import { ServiceError } from '../service-error.js';

export function zodProblem(error: z.ZodError, body: unknown, what: Bilingual, hint: Bilingual): ServiceError {
  const issue = deepestIssue(error.issues[0]!);
  const where = issuePath(issue.path);
  const why = valueProblem(issue, valueAt(body, issue.path));
  return new ServiceError(400, 'BAD_REQUEST', { zh: `${what.zh}不合要求：${where}：${why.zh}。${hint.zh}`, en: `The ${what.en} is not valid at ${where}: ${why.en}. ${hint.en}` });
}
