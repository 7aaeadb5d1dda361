/**
 * Reads an error answer through the one error shape (contracts/errors.ts): a body that does
 * not fit it fails the test, and the two languages come back joined for matching.
 */
import { errorBodySchema } from '../../contracts/errors.js';

export function joined(body: unknown): string {
  const { error } = errorBodySchema.parse(body);
  return `${error.zh} / ${error.en}`;
}
