/** The file names of `async status` and `async remind` under .git/async/ (kept import-free for the prompt's fast path). */
export const SUMMARY_FILE = 'status.json';
export const REMINDER_FILE = 'remind.json';
