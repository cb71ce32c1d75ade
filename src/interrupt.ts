/**
 * What to tell the user when a signal (Ctrl-C, a closed terminal, `kill`) stops a run. The
 * write path keeps this note current, so the last line printed says what state the work is in:
 * nothing written, committed but not pushed, or left for the next run to finish.
 */
const NOTHING = 'Interrupted; nothing was written.';
let note = NOTHING;

export function setInterruptNote(text: string | undefined): void {
  note = text ?? NOTHING;
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/** For the real process only (tests run the CLI in-process and keep their own handlers). */
export function exitOnSignals(stderr: { write(text: string): unknown }): void {
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      stderr.write(`\nasync: ${note}\n`);
      // 128 + the signal's number, as shells report it. 'exit' listeners (the clone lock) still run.
      process.exit(128 + number);
    });
  }
}
