/**
 * The files `async remind install` writes, as text: one user-level timer that runs
 * `async remind --due` every 15 minutes. Pure; store/remindTimer.ts writes them.
 */

export const TIMER_NAME = 'async-remind';
export const LAUNCHD_LABEL = 'dev.async-standup.remind';
/** Ends the crontab line install adds: uninstall removes exactly the lines that carry it. */
export const CRON_MARKER = '# async-remind (written by async remind install)';
export const EVERY_MINUTES = 15;

/** POSIX single quotes (cron runs the line with /bin/sh). */
export const shQuote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** systemd's own quoting for ExecStart: double quotes, backslash escapes, and `%` doubled (a specifier otherwise). */
const systemdQuote = (word: string): string =>
  `"${word.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%').replace(/\$/g, '$$$$')}"`;

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function systemdService(argv: readonly string[]): string {
  return `# Written by async remind install; removed by async remind uninstall.
[Unit]
Description=async: remind me to write my update near the end of my working day

[Service]
Type=oneshot
ExecStart=${argv.map(systemdQuote).join(' ')}
`;
}

export function systemdTimer(): string {
  return `# Written by async remind install; removed by async remind uninstall.
[Unit]
Description=async: check every ${EVERY_MINUTES} minutes whether an update reminder is due

[Timer]
OnCalendar=*:0/${EVERY_MINUTES}
Persistent=false

[Install]
WantedBy=timers.target
`;
}

export function cronLine(argv: readonly string[]): string {
  return `*/${EVERY_MINUTES} * * * * ${argv.map(shQuote).join(' ')} >/dev/null 2>&1 ${CRON_MARKER}`;
}

/** A crontab without the lines install wrote, and with the new one when given. */
export function editCrontab(current: string, line?: string): string {
  const kept = current.split('\n').filter((existing) => existing !== '' && !existing.endsWith(CRON_MARKER));
  const lines = line === undefined ? kept : [...kept, line];
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export function launchdPlist(argv: readonly string[]): string {
  const args = argv.map((word) => `    <string>${xml(word)}</string>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- Written by async remind install; removed by async remind uninstall. -->
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>${LAUNCHD_LABEL}</string>
  <key>ProgramArguments</key>
  <array>
${args}
  </array>
  <key>StartInterval</key>
  <integer>${EVERY_MINUTES * 60}</integer>
</dict>
</plist>
`;
}

/** What a plan writes or removes, where, and which commands it runs, for the user to see. */
export interface PlanShape {
  kind: 'systemd' | 'cron' | 'launchd';
  files: { path: string; content?: string }[];
  commands: string[][];
  cronLine?: string;
}

const KIND_NAME = { systemd: 'a systemd user timer', cron: 'a crontab line', launchd: 'a launchd agent' } as const;

export function describePlan(plan: PlanShape, action: 'install' | 'uninstall', dryRun: boolean): string {
  const lines: string[] = [];
  const would = (done: string, todo: string) => (dryRun ? `Would ${todo}` : done);
  if (action === 'install')
    lines.push(
      `${dryRun ? 'Would install' : 'Installed'} ${KIND_NAME[plan.kind]} that runs async remind --due every ${EVERY_MINUTES} minutes.`,
    );
  else lines.push(`${dryRun ? 'Would remove' : 'Removed'} ${KIND_NAME[plan.kind]}.`);
  for (const file of plan.files) {
    if (action === 'install') {
      lines.push(`${would('Wrote', 'write')} ${file.path}:`);
      lines.push(
        ...(file.content ?? '')
          .trimEnd()
          .split('\n')
          .map((line) => `    ${line}`),
      );
    } else lines.push(`${would('Removed', 'remove')} ${file.path}`);
  }
  if (plan.cronLine !== undefined)
    lines.push(
      action === 'install' ? `${would('Added', 'add')} to your crontab:` : `${would('Removed', 'remove')} from your crontab:`,
      `    ${plan.cronLine}`,
    );
  for (const command of plan.commands) lines.push(`${would('Ran', 'run')}: ${command.map(shQuote).join(' ')}`);
  if (action === 'install' && !dryRun) lines.push("Remove it with 'async remind uninstall'.");
  return `${lines.join('\n')}\n`;
}
