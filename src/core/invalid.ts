/**
 * Bad input found by the pure domain (a handle, a zone, a working window). The domain knows
 * nothing of exit codes or of the CLI: program.ts reports it as a usage error (exit 2), like
 * errors.ts's UsageError.
 */
export class InvalidInput extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'InvalidInput';
  }
}
