/**
 * The one error type the @arshjul packages throw for bad input.
 *
 * `message` is written for the person using the tool (Norwegian bokmål, like the UI);
 * `code` is stable for programs; `where` names the file, field or argument concerned.
 * Front ends (CLI, app) print `message` (and `where`) and never a stack trace.
 */
export class ArshjulError extends Error {
  override readonly name = 'ArshjulError';
  constructor(
    readonly code: string,
    message: string,
    readonly where?: string,
    readonly hint?: string,
  ) {
    super(message);
  }

  /** One or two lines for a terminal or a dialog. */
  describe(): string {
    const head = this.where ? `${this.where}: ${this.message}` : this.message;
    return this.hint ? `${head}\n${this.hint}` : head;
  }
}

export function isArshjulError(e: unknown): e is ArshjulError {
  return e instanceof ArshjulError || (e instanceof Error && e.name === 'ArshjulError');
}
