import { describe, expect, it } from 'vitest';
import {
  CRON_MARKER,
  cronLine,
  describePlan,
  editCrontab,
  launchdPlist,
  systemdService,
  systemdTimer,
} from '../../../src/core/remindTimer.js';

const argv = ['/opt/node 22/bin/node', '/usr/lib/async/bin/async.cjs', '-w', "/home/a/it's 100%", 'remind', '--due'];

describe('the timer files of async remind install', () => {
  it('systemd: ExecStart quotes each word, doubling % (a specifier) and $', () => {
    const service = systemdService([...argv, '$HOME']);
    expect(service).toContain(
      'ExecStart="/opt/node 22/bin/node" "/usr/lib/async/bin/async.cjs" "-w" "/home/a/it\'s 100%%" "remind" "--due" "$$HOME"',
    );
    expect(systemdTimer()).toContain('OnCalendar=*:0/15');
    expect(systemdTimer()).toContain('WantedBy=timers.target');
  });

  it('cron: every 15 minutes, shell-quoted, marked so uninstall removes exactly it', () => {
    const line = cronLine(argv);
    expect(line).toBe(
      `*/15 * * * * '/opt/node 22/bin/node' /usr/lib/async/bin/async.cjs -w '/home/a/it'\\''s 100%' remind --due >/dev/null 2>&1 ${CRON_MARKER}`,
    );
  });

  it('editCrontab keeps the other lines, replaces an earlier install and removes only its own', () => {
    const other = 'MAILTO=me\n0 3 * * * backup\n';
    const installed = editCrontab(other, cronLine(argv));
    expect(installed).toBe(`MAILTO=me\n0 3 * * * backup\n${cronLine(argv)}\n`);
    expect(editCrontab(installed, cronLine(argv))).toBe(installed);
    expect(editCrontab(installed)).toBe(other);
    expect(editCrontab(cronLine(argv))).toBe('');
  });

  it('launchd: the arguments as XML strings, every 900 seconds', () => {
    const plist = launchdPlist(['/bin/node', '/a&b/<async>.cjs']);
    expect(plist).toContain('<string>/a&amp;b/&lt;async&gt;.cjs</string>');
    expect(plist).toContain('<integer>900</integer>');
  });

  it('describePlan says what was written, where, and what ran; a dry run says "would"', () => {
    const plan = {
      kind: 'systemd' as const,
      files: [{ path: '/x/async-remind.timer', content: 'a\nb\n' }],
      commands: [['systemctl', '--user', 'daemon-reload']],
    };
    expect(describePlan(plan, 'install', true)).toBe(
      'Would install a systemd user timer that runs async remind --due every 15 minutes.\nWould write /x/async-remind.timer:\n    a\n    b\nWould run: systemctl --user daemon-reload\n',
    );
    expect(describePlan(plan, 'uninstall', false)).toBe(
      'Removed a systemd user timer.\nRemoved /x/async-remind.timer\nRan: systemctl --user daemon-reload\n',
    );
  });
});
