/**
 * A failure of the invocation itself (bad flag, invalid config, no file matched, unreadable
 * path): printed as one line on stderr, exit code 2. Findings in maps are never errors.
 */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
