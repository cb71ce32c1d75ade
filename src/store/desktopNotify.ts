import { commandOnPath } from './commandPath.js';
import { runTool } from './remindTimer.js';

/**
 * A desktop notification through the OS's own tool: `osascript` on macOS, `notify-send`
 * elsewhere, when it is on PATH. False when there is none or it failed (no display, as under
 * cron): the caller then leaves the reminder for `async status`.
 */
export async function notifyDesktop(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  message: { title: string; body: string },
): Promise<boolean> {
  if (platform === 'darwin') {
    if (!(await commandOnPath('osascript', env.PATH))) return false;
    const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    const script = `display notification ${quote(message.body)} with title ${quote(message.title)}`;
    return (await runTool(env, ['osascript', '-e', script])).code === 0;
  }
  if (!(await commandOnPath('notify-send', env.PATH))) return false;
  return (await runTool(env, ['notify-send', '--app-name=async', message.title, message.body])).code === 0;
}
