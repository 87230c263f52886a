/**
 * A problem in a content file, located precisely enough that an editor can
 * jump to it: the message always reads `file:line: field: reason`, the shape
 * compilers use, so terminals and editors turn it into a link.
 */
export class ContentError extends Error {
  readonly file: string;
  /** Dotted path of the offending value (`author.name`, `figures[1].id`), or `body`. */
  readonly field: string;
  /** 1-based line in the file. */
  readonly line: number;
  readonly reason: string;

  constructor(file: string, line: number, field: string, reason: string) {
    super(`${file}:${line}: ${field}: ${reason}`);
    this.name = 'ContentError';
    this.file = file;
    this.line = line;
    this.field = field;
    this.reason = reason;
  }
}
