/**
 * One `git fast-import` stream for a whole history: 100,000 commits in seconds, where running
 * `git commit` per entry would take an hour. Commits carry their files inline and follow each
 * other on one branch, with the author's own time and offset, as real use leaves them.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** `+0530` for git's raw date format. */
function gitOffset(minutes) {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

const data = (body) => `data ${Buffer.byteLength(body)}\n${body}\n`;

/** A fast-import `commit` command on refs/heads/main adding `files` ({ path, text }). */
export function commitCommand({ name, email, ms, offset, message, files }) {
  const who = `${name} <${email}> ${Math.floor(ms / 1000)} ${gitOffset(offset)}`;
  let out = `commit refs/heads/main\nauthor ${who}\ncommitter ${who}\n${data(message)}`;
  for (const file of files) out += `M 100644 inline ${file.path}\n${data(file.text)}`;
  return `${out}\n`;
}

/** Feeds `commands` (an iterable of strings) to fast-import in `gitDir`, respecting backpressure. */
export async function fastImport(gitDir, commands) {
  const child = spawn('git', ['--git-dir', gitDir, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'close');
  // Batching many commands per write keeps the pipe busy without one write per entry.
  let batch = '';
  for (const command of commands) {
    batch += command;
    if (batch.length > 1 << 20) {
      if (!child.stdin.write(batch)) await once(child.stdin, 'drain');
      batch = '';
    }
  }
  child.stdin.end(`${batch}done\n`);
  const [code] = await exited;
  if (code !== 0) throw new Error(`git fast-import failed (${code}): ${stderr.trim()}`);
}
