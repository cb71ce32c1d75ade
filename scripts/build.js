// The build: tsc checks the types, esbuild bundles the CLI into CommonJS files in dist/, then, on
// Node 20 only, the bundle's V8 code cache is written beside it. Why CommonJS and so few files:
// Node starts its ES module loader only for ES modules, and each module costs a resolve, a read and
// a compile; on `async who` the ESM loader and ~20 small chunks were a third of the time (see
// bench/README.md).
//
//   dist/cli.cjs           answers --version, and status from its saved summary; anything else loads a bundle below (through a compile cache)
//   dist/program.cjs       commander and all of src/; each command's code runs only when invoked
//   dist/vendor/*.cjs      the heavy libraries, each required the first time something needs it
//   dist/tzdata.json       the tz database (src/tz/data/tzdata.ts), required by the tz engine
//   dist/site.js           the script `async site` inlines in its pages (src/web/), for browsers
//   dist/whoFast.cjs       a repeated `async who`, from the view the last one saved (src/whoFast.ts)
//   dist/*.cjs.v8cache     Node 20 only, for program.cjs and whoFast.cjs: Node 22.1+ keeps its own compile cache (src/compileCache.ts)
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import nodeModule, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const require = createRequire(import.meta.url);

/** Loaded lazily by src/ (`await import(...)`), so kept out of program.cjs: name → what the file exports. */
const VENDOR = {
  yaml: "module.exports = require('yaml');",
  luxon: "module.exports = require('luxon');",
  chalk: "module.exports = require('chalk');",
  '@inquirer/prompts': "module.exports = require('@inquirer/prompts');",
  // `const { default: ora } = await import('ora')`: a CommonJS module's default is module.exports.
  ora: "module.exports = require('ora').default;",
  // Only for text that is not plain ASCII (src/ui/width.ts): its Intl.Segmenter costs ~20 ms to build.
  'string-width': "module.exports = require('string-width').default;",
  // Only `async holidays sync` loads it: the engine reads the holidays/ files it writes.
  'date-holidays': "module.exports = require('date-holidays');",
  // Its ES module build, which the package's `import` condition names (`require` would pick its
  // larger ES5 transpilation), by path since a require() goes by the `require` condition.
  'ical.js': "module.exports = require('./node_modules/ical.js/dist/ical.js').default;",
  // Only `async site` loads it, to render teammates' Markdown as HTML.
  'markdown-it': "module.exports = require('markdown-it');",
};
const vendorFile = (name) => `vendor/${name.replace(/^@/, '').replace(/\//g, '-')}.cjs`;

const COMMON = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // `await import(x)` becomes `Promise.resolve().then(() => require(x))`: no ES module loader.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
};

/** The vendor libraries stay external to program.cjs, required from dist/vendor/. */
const vendorExternal = {
  name: 'vendor-external',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => (args.path in VENDOR ? { path: `./${vendorFile(args.path)}`, external: true } : undefined));
  },
};

/**
 * The tz data (src/tz/data/tzdata.ts, 230 kB of strings) is a JSON file of its own,
 * dist/tzdata.json: inside program.cjs it made every start-up ~2 ms slower (the bundle and its
 * code cache are read and checked whole), and as JavaScript it costs a compile, while Node reads
 * a required .json with JSON.parse, the fastest way there is to turn 230 kB into strings.
 */
const tzDataExternal = {
  name: 'tzdata-external',
  setup(b) {
    b.onResolve({ filter: /\/data\/tzdata\.js$/ }, () => ({ path: './tzdata.json', external: true }));
  },
};

async function writeTzData() {
  const built = await build({ ...COMMON, entryPoints: ['src/tz/data/tzdata.ts'], write: false, absWorkingDir: root });
  const module = { exports: {} };
  new Function('module', 'exports', built.outputFiles[0].text)(module, module.exports);
  writeFileSync(`${dist}/tzdata.json`, JSON.stringify(module.exports));
}

/**
 * The site's page script: src/web/main.ts and the pure tz/ and core/ code it imports, for browsers.
 * The tz data is not bundled: src/web/tzdata.ts stands in for src/tz/data/tzdata.ts and reads the
 * tables each page embeds (only its team's zones).
 */
async function writeSiteScript() {
  const pageTzData = {
    name: 'page-tzdata',
    setup(b) {
      b.onResolve({ filter: /\/data\/tzdata\.js$/ }, () => ({ path: join(root, 'src', 'web', 'tzdata.ts') }));
    },
  };
  await build({
    entryPoints: ['src/web/main.ts'],
    outfile: `${dist}/site.js`,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    plugins: [pageTzData],
    absWorkingDir: root,
    logLevel: 'warning',
  });
}

/**
 * In cli.cjs, `import('./program.js')` and `import('./whoFast.js')` load dist/program.cjs and
 * dist/whoFast.cjs through a compile cache (src/compileCache.ts): separate bundles, so neither
 * `--version` nor a saved `who` compiles what it does not run.
 */
const BUNDLES = { './program.js': 'program.cjs', './whoFast.js': 'whoFast.cjs' };
const bundlesThroughCache = {
  name: 'bundles-through-cache',
  setup(b) {
    b.onResolve({ filter: /^\.\/(program|whoFast)\.js$/ }, (args) =>
      args.importer === join(root, 'src', 'cli.ts') ? { path: args.path, namespace: 'bundle-loader' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'bundle-loader' }, (args) => ({
      resolveDir: `${root}src`,
      contents: `const { requireBundle } = require('./compileCache.ts'); module.exports = requireBundle(require('node:path').join(__dirname, ${JSON.stringify(BUNDLES[args.path])}));`,
    }));
  },
};

/** How program.cjs and whoFast.cjs are built: the heavy libraries and the tz data stay outside. */
const LIBRARY_BUNDLE = {
  ...COMMON,
  plugins: [vendorExternal, tzDataExternal],
  absWorkingDir: root,
  // src/store/templates.ts finds the package's templates/ relative to its own file.
  define: { 'import.meta.url': '__asyncModuleUrl' },
  banner: { js: "const __asyncModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

rmSync(dist, { recursive: true, force: true });
await build({ ...COMMON, entryPoints: ['src/cli.ts'], outfile: `${dist}/cli.cjs`, plugins: [bundlesThroughCache], absWorkingDir: root });
await build({ ...LIBRARY_BUNDLE, entryPoints: ['src/program.ts'], outfile: `${dist}/program.cjs` });
// The saved view carries the tz tables it needs (src/fastZones.ts stands in for the database).
const viewTzData = {
  name: 'view-tzdata',
  setup(b) {
    b.onResolve({ filter: /\/data\/tzdata\.js$/ }, () => ({ path: join(root, 'src', 'fastZones.ts') }));
  },
};
await build({ ...LIBRARY_BUNDLE, plugins: [vendorExternal, viewTzData], entryPoints: ['src/whoFast.ts'], outfile: `${dist}/whoFast.cjs` });
await writeTzData();
await writeSiteScript();
for (const [name, contents] of Object.entries(VENDOR)) {
  await build({ ...COMMON, stdin: { contents, resolveDir: root }, outfile: `${dist}/${vendorFile(name)}` });
}
// A Node with its own compile cache never reads these files, and no other Node version accepts them.
if (!('enableCompileCache' in nodeModule)) await writeCodeCaches();

/**
 * Writes dist/program.cjs.v8cache after running every command's --help in-process: that compiles
 * commander's parsing and help and each command's registration, the code every start-up runs.
 * Then dist/whoFast.cjs.v8cache, after the program saved a `who` view in a scratch workspace of a
 * large team and the fast path answered from it: the code a repeated `who` runs.
 */
async function writeCodeCaches() {
  const built = await build({ ...COMMON, entryPoints: ['src/compileCache.ts'], write: false, absWorkingDir: root });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, require);
  const { writeCodeCache } = module.exports;
  const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  const now = Date.parse('2026-11-24T12:00:00Z');
  const context = (cwd) => ({
    now: () => new Date(now),
    env: {},
    cwd,
    stdin: Readable.from([]),
    stdout: sink(),
    stderr: sink(),
    interactive: false,
  });
  const scratch = mkdtempSync(join(tmpdir(), 'async-build-'));
  const who = ['who', '-w', scratch, '--as', 'm00'];
  try {
    mkdirSync(join(scratch, '.git'));
    mkdirSync(join(scratch, 'members'));
    writeFileSync(join(scratch, 'async.yaml'), 'team: Build\n');
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'America/Sao_Paulo'];
    for (let i = 0; i < 40; i++) {
      const handle = `m${String(i).padStart(2, '0')}`;
      writeFileSync(
        join(scratch, 'members', `${handle}.yaml`),
        `handle: ${handle}\nname: Member ${i}\ntz: ${zones[i % zones.length]}\nhours: "09:00-17:00"\n`,
      );
    }
    const run = async (runProgram, argv) => {
      const code = await runProgram(argv, context(root));
      if (code !== 0) throw new Error(`build: \`async ${argv.join(' ')}\` exited ${code} while writing the code cache`);
    };
    await writeCodeCache(`${dist}/program.cjs`, async ({ runProgram, commandNames }) => {
      for (const argv of [['--help'], ...commandNames().map((name) => [name, '--help'])]) await run(runProgram, argv);
    });
    // Through another copy of the program: its `who` code stays out of the cache every command reads.
    await run(require(`${dist}/program.cjs`).runProgram, who);
    await writeCodeCache(`${dist}/whoFast.cjs`, async ({ fastWho }) => {
      const code = await fastWho({ ...context(root), argv: who, now });
      if (code !== 0) throw new Error('build: the saved `who` view was not answered while writing the code cache');
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
