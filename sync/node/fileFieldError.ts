/**
 * A file that cannot be used, naming the file and the field at fault and what
 * was expected there: the one shape of every "bad input file" error (a kiosk
 * config, a content pack), so a start-up prints one line an operator can act on.
 */
export class FileFieldError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly expected: string,
    /** What the file is, as the operator knows it: "kiosk config", "content pack". */
    readonly what: string,
  ) {
    super(`Invalid ${what} ${file}: field "${field}": ${expected}`);
    this.name = 'FileFieldError';
  }
}
