// Kept in step with package.json and with the shipped tz data by tests (tests/e2e/binary.test.ts,
// tests/unit/tz/crosscheck-icu.test.ts); constants, so `--version` reads no file and loads no data.
export const VERSION = '0.2.0';
export const TZ_DATA_RELEASE = '2026f';

/** What `async --version` prints (SPEC §7: it names the tz release the tool ships). */
export const VERSION_LINE = `async ${VERSION} (tz ${TZ_DATA_RELEASE})`;
