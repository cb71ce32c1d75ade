/**
 * Threat: the tool run where nobody can answer it: a script, CI, cron, a pipe. A read command
 * that waited on stdin would hang the job; colour codes or spinner frames would garble the log.
 * Expected (the built binary, as a script runs it): never hangs, never prompts, never prints colour
 * or spinner frames, and still does its job; a write missing its input fails at once naming the flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, runBinWithSilentStdin, type RunResult } from '../helpers/cli.js';
import { runBinStdinClosed } from '../helpers/shell.js';
import { NOW, attack, buildTeam, copyTeam, entryPath, entryText, runBinToFiles, type Team } from '../helpers/hostile.js';

let template: Team;
let team: Team;
beforeAll(async () => {
  template = await buildTeam();
  team = copyTeam(template);
  // Something to show, including a teammate's own colour codes.
  const id = '20261124T100000Z-mallory-pipe';
  attack(team, [
    {
      path: entryPath(id),
      content: entryText({ id, kind: 'handoff', yaml: ['to: [alice]', 'asks: ["\\e[31mred ask\\e[0m"]'], notes: 'Notes.' }),
    },
  ]);
});
afterAll(() => {
  team.box.cleanup();
  template.box.cleanup();
});

type Runner = (argv: string[], env: Record<string, string | undefined>) => Promise<RunResult & { timedOut?: boolean }>;
const cwd = () => team.alice;
const STDIN: [string, Runner][] = [
  ['stdin at end of file', (argv, env) => runBin(argv, { cwd: cwd(), env, timeoutMs: 10_000 })],
  ['stdin closed (no descriptor 0)', (argv, env) => runBinStdinClosed(argv, { cwd: cwd(), env, timeoutMs: 10_000 })],
  ['stdin an open pipe that never sends', (argv, env) => runBinWithSilentStdin(argv, { cwd: cwd(), env, timeoutMs: 10_000 })],
  ['output redirected to files', (argv, env) => runBinToFiles(argv, { cwd: cwd(), env, dir: team.box.dir, timeoutMs: 10_000 })],
];
/** Environments that tempt a tool into colour or prompts. */
const ENVS: [string, Record<string, string>][] = [
  ['plain', {}],
  ['CI=true, a colour terminal type', { CI: 'true', TERM: 'xterm-256color', COLORTERM: 'truecolor' }],
];
const READS: [string, string[], string][] = [
  ['catchup', ['catchup', '--peek'], 'red ask'],
  ['catchup --markdown', ['catchup', '--peek', '--markdown'], 'red ask'],
  ['catchup --json', ['catchup', '--peek', '--json'], '"handoffsToYou"'],
  ['who', ['who'], 'mallory'],
  ['next', ['next'], 'picks up'],
  ['member list', ['member', 'list'], 'Bob Builder'],
  ['log', ['log'], 'red ask'],
  ['show', ['show', '20261124T100000Z-mallory-pipe'], 'red ask'],
];

const cases = READS.flatMap(([command, argv, shows]) =>
  STDIN.flatMap(([stdin, run]) => ENVS.map(([envName, extra]) => [command, stdin, envName, argv, shows, run, extra] as const)),
);

/** Braille spinner frames (ora's dots), and the carriage return every spinner redraws with. */
const SPINNER = /[\u2800-\u28ff\r]/u;

describe('read commands off a terminal', () => {
  it.each(cases)('%s, %s, %s: no wait, no prompt, no colour, no spinner', async (_command, _stdin, _env, argv, shows, run, extra) => {
    const started = performance.now();
    const result = await run(argv, { ...team.box.env, ASYNC_NOW: NOW, ...extra });
    expect(result.timedOut ?? false).toBe(false);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(shows);
    for (const text of [result.stdout, result.stderr]) {
      expect(text).not.toContain('\u001b');
      expect(text).not.toMatch(SPINNER);
      expect(text).not.toMatch(/^\? /m);
    }
  });
});

describe('writes missing their input off a terminal', () => {
  it.each(STDIN.flatMap(([stdin, run]) => ENVS.map(([envName, extra]) => [stdin, envName, run, extra] as const)))(
    'update with no content, %s, %s: fails at once naming the flags',
    async (_stdin, _env, run, extra) => {
      const result = await run(['update'], { ...team.box.env, ASYNC_NOW: NOW, ...extra });
      expect(result.timedOut ?? false).toBe(false);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--done/);
      expect(result.stderr).not.toContain('\u001b');
      expect(result.stdout).toBe('');
    },
  );
});
