/**
 * Member handles: `[a-z0-9][a-z0-9_-]{0,31}` (SPEC §1). A handle names a file
 * (`members/<handle>.yaml`) and appears in entry ids and `@mentions`, so beyond the grammar we
 * refuse names that a file system or the CLI would read as something else:
 * - Windows device names (`con`, `nul`, `com1`, `lpt9`, ...): `members/con.yaml` cannot be created
 *   or checked out on Windows, whatever the extension.
 * - `me`, `you`: reserved so that a command may one day accept `me` for "the current user".
 * - `all`, `everyone`, `here`, `team`, `channel`: group mentions in chat tools; as a handle,
 *   `@all` would notify one person while readers take it for everyone.
 * Being lowercase only, two handles can never collide on a case-insensitive file system.
 */
const HANDLE = /^[a-z0-9][a-z0-9_-]{0,31}$/;

const WINDOWS_DEVICES = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const RESERVED = new Set(['me', 'you', 'all', 'everyone', 'here', 'team', 'channel']);

export const HANDLE_PATTERN = '[a-z0-9][a-z0-9_-]{0,31}';

export function isValidHandle(handle: unknown): handle is string {
  return typeof handle === 'string' && handleError(handle) === null;
}

/** Why `handle` cannot be a handle, as one sentence; null when it can. */
export function handleError(handle: string): string | null {
  const shown = JSON.stringify(handle);
  if (handle.length === 0) return 'A handle cannot be empty.';
  if (handle.length > 32) return `The handle ${shown} is longer than 32 characters.`;
  if (!HANDLE.test(handle)) {
    return /[A-Z]/.test(handle) && HANDLE.test(handle.toLowerCase())
      ? `The handle ${shown} must be lowercase: use ${JSON.stringify(handle.toLowerCase())}.`
      : `The handle ${shown} must start with a lowercase letter or digit and hold only a-z, 0-9, "_" and "-".`;
  }
  if (WINDOWS_DEVICES.test(handle)) return `The handle ${shown} is a reserved device name on Windows.`;
  if (RESERVED.has(handle)) return `The handle ${shown} is reserved; pick a name for one person.`;
  return null;
}
