/** A problem with the workbook (a missing table, no selection), in words for the user. */
export class HostError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}
