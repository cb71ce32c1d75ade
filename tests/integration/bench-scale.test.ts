/**
 * The scale mode of the benchmark (issue 16, `BENCH_SCALE`): what a value asks for, what the
 * timing wrapper reports, and a tiny scale run end to end (every figure measured, none invalid).
 * Like bench-generator.test.ts it checks the benchmark's own correctness, never a timing.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const RUN = fileURLToPath(new URL('../../bench/run.js', import.meta.url));
const RUSAGE = fileURLToPath(new URL('../../bench/lib/rusage.py', import.meta.url));
const CACHE = fileURLToPath(new URL('../../bench/.cache', import.meta.url));

interface Scale {
  entries: number;
  members: number;
  small: number;
  label: string;
}
interface Usage {
  ms: number;
  maxrssKib: number;
  stderr: string;
}
interface ScaleModule {
  parseScale(value: string | undefined): Scale;
  parseRusage(stderr: string): Usage | null;
  label(n: number): string;
}

let scale: ScaleModule;
beforeAll(async () => {
  // bench/ is plain JavaScript without type declarations: loaded by URL, typed here.
  scale = (await import(new URL('../../bench/lib/scale.js', import.meta.url).href)) as ScaleModule;
});

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function exec(file: string, args: string[], env: Record<string, string | undefined>): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, { env, encoding: 'utf8', maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('BENCH_SCALE', () => {
  it.each([
    ['1m', { entries: 1_000_000, members: 2000, small: 10_000, label: '1M' }],
    ['1M', { entries: 1_000_000, members: 2000, small: 10_000, label: '1M' }],
    [' 50k ', { entries: 50_000, members: 2000, small: 5_000, label: '50k' }],
    ['2k/50', { entries: 2_000, members: 50, small: 200, label: '2k' }],
    ['2.5k', { entries: 2_500, members: 2000, small: 250, label: '2.5k' }],
    ['200000', { entries: 200_000, members: 2000, small: 10_000, label: '200k' }],
    ['1.5m/1k', { entries: 1_500_000, members: 1000, small: 10_000, label: '1.5M' }],
    ['5', { entries: 5, members: 2000, small: 1, label: '5' }],
  ])('%j is %j', (value, expected) => {
    expect(scale.parseScale(value)).toEqual(expected);
  });

  it.each(['', '  ', 'abc', '1g', '0', '0k', '1.5', '-5k', '1e6', '1k/1', '1k/', '1k/2/3', '/50', '1 000'])(
    '%j is refused in one line',
    (value) => {
      expect(() => scale.parseScale(value)).toThrow(RangeError);
      try {
        scale.parseScale(value);
      } catch (error) {
        expect((error as Error).message).toMatch(/^BENCH_SCALE=/);
        expect((error as Error).message).not.toContain('\n');
      }
    },
  );

  it('labels sizes the way the figures name them', () => {
    expect([1_000_000, 50_000, 10_000, 2_500, 999, 1_234].map(scale.label)).toEqual(['1M', '50k', '10k', '2.5k', '999', '1234']);
  });
});

describe('bench/lib/rusage.py', () => {
  it("reports the child's time and peak memory after its own stderr, and passes its exit code on", async () => {
    const result = await exec(
      'python3',
      [RUSAGE, process.execPath, '-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exit(3)'],
      {
        PATH: process.env.PATH,
      },
    );
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('out');
    const usage = scale.parseRusage(result.stderr);
    expect(usage).not.toBeNull();
    expect(usage!.stderr).toBe('err');
    expect(usage!.ms).toBeGreaterThan(0);
    // Node itself is tens of MB resident: a figure of a few MB would be the wrapper's, not the child's.
    expect(usage!.maxrssKib).toBeGreaterThan(20_000);
  });

  it('parses only its own final line', () => {
    expect(scale.parseRusage('boom\n')).toBeNull();
    expect(scale.parseRusage('x\nrusage-wall-ms=12.5 rusage-maxrss-kib=40000\n')).toEqual({ ms: 12.5, maxrssKib: 40_000, stderr: 'x' });
    expect(scale.parseRusage('\nrusage-wall-ms=1 rusage-maxrss-kib=2\nmore\n')).toBeNull();
  });
});

describe('npm run bench in scale mode', () => {
  const env = (scaleValue: string) => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    BENCH_SCALE: scaleValue,
    BENCH_QUICK: '1',
    BENCH_ROUNDS: '1',
  });

  it('refuses a bad BENCH_SCALE in one line, exit 2, before generating anything', async () => {
    const before = existsSync(CACHE) ? readdirSync(CACHE).sort() : [];
    const result = await exec(process.execPath, [RUN], env('lots'));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^BENCH_SCALE=lots: /);
    expect(existsSync(CACHE) ? readdirSync(CACHE).sort() : []).toEqual(before);
  });

  it('measures every scale figure on a tiny workspace (2,000 entries, 50 members), none invalid', async () => {
    // Another bench may be running beside the test: only this run's scratch folder must go.
    const runs = () => (existsSync(CACHE) ? readdirSync(CACHE).filter((name) => name.startsWith('run-')) : []);
    const before = runs();
    const result = await exec(process.execPath, [RUN], env('2k/50'));
    expect(result.stderr).not.toMatch(/WARNING|bench failed/);
    expect(result.code).toBe(0);
    for (const figure of [
      'S1 join 2k / git clone --depth 1',
      'S1b join 2k wall time',
      'S2 update --no-push joined 2k / 200',
      'S3 catchup joined 2k / 200',
      'S4 first search of the joined clone / git grep -F -i',
      'S4b search 2k (warm) / git grep -F -i',
      'S5 who (50 members) / node -e 0',
      'M1 peak RSS join 2k / git clone --depth 1',
      'M5 peak RSS who / node -e 0',
      'D1 disk of the joined 2k clone / --depth 1 clone',
    ]) {
      expect(result.stdout).toContain(`| ${figure} `);
    }
    expect(result.stdout).not.toMatch(/INVALID|NaN|warning\(s\)/);
    expect(result.stderr).toContain('both catchups return the same 4 entries');
    // The run's scratch remotes and clones are gone.
    expect(runs().filter((name) => !before.includes(name))).toEqual([]);
  }, 180_000);
});
