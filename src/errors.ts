/** Exit codes are part of the contract (SPEC §6). */
export const ExitCode = { ok: 0, failure: 1, usage: 2, cancelled: 130 } as const;

/** Bad usage or bad input: nothing was changed. Exit 2. */
export class UsageError extends Error {
  readonly exitCode = ExitCode.usage;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The operation failed (git, network, the filesystem). Exit 1. */
export class OperationError extends Error {
  readonly exitCode = ExitCode.failure;
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OperationError';
  }
}

/** The user cancelled a prompt (Ctrl-C). Exit 130, like a shell. */
export class CancelledError extends Error {
  readonly exitCode = ExitCode.cancelled;
  constructor(message = 'Cancelled; nothing was written.') {
    super(message);
    this.name = 'CancelledError';
  }
}

export type AsyncError = UsageError | OperationError | CancelledError;

export function isAsyncError(error: unknown): error is AsyncError {
  return error instanceof UsageError || error instanceof OperationError || error instanceof CancelledError;
}
