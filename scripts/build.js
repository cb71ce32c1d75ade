// The build: tsc checks the types, esbuild bundles the CLI into CommonJS files in dist/, then, on
// Node 20 only, the bundle's V8 code cache is written beside it. Why CommonJS and so few files:
// Node starts its ES module loader only for ES modules, and each module costs a resolve, a read and
// a compile; on `async who` the ESM loader and ~20 small chunks were a third of the time (see
// bench/README.md).
//
//   dist/cli.cjs           answers --version; anything else loads program.cjs (through a compile cache)
//   dist/program.cjs       commander and all of src/; each command's code runs only when invoked
//   dist/vendor/*.cjs      the heavy libraries, each required the first time something needs it
//   dist/tzdata.json       the tz database (src/tz/data/tzdata.ts), required by the tz engine
//   dist/site.js           the script `async site` inlines in its pages (src/web/), for browsers
//   dist/program.cjs.v8cache  Node 20 only: Node 22.1+ keeps its own compile cache (src/compileCache.ts)
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import nodeModule, { createRequire } from 'node:module';
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

/** In cli.cjs, `import('./program.js')` loads dist/program.cjs through a compile cache (src/compileCache.ts). */
const programThroughCache = {
  name: 'program-through-cache',
  setup(b) {
    b.onResolve({ filter: /^\.\/program\.js$/ }, (args) =>
      args.importer === join(root, 'src', 'cli.ts') ? { path: 'program', namespace: 'program-loader' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'program-loader' }, () => ({
      resolveDir: `${root}src`,
      contents:
        "const { requireBundle } = require('./compileCache.ts'); module.exports = requireBundle(require('node:path').join(__dirname, 'program.cjs'));",
    }));
  },
};

rmSync(dist, { recursive: true, force: true });
await build({ ...COMMON, entryPoints: ['src/cli.ts'], outfile: `${dist}/cli.cjs`, plugins: [programThroughCache], absWorkingDir: root });
await build({
  ...COMMON,
  entryPoints: ['src/program.ts'],
  outfile: `${dist}/program.cjs`,
  plugins: [vendorExternal, tzDataExternal],
  absWorkingDir: root,
  // src/store/templates.ts finds the package's templates/ relative to its own file.
  define: { 'import.meta.url': '__asyncModuleUrl' },
  banner: { js: "const __asyncModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await writeTzData();
await writeSiteScript();
for (const [name, contents] of Object.entries(VENDOR)) {
  await build({ ...COMMON, stdin: { contents, resolveDir: root }, outfile: `${dist}/${vendorFile(name)}` });
}
// A Node with its own compile cache never reads this file, and no other Node version accepts it.
if (!('enableCompileCache' in nodeModule)) await writeProgramCache();

/**
 * Writes dist/program.cjs.v8cache after running every command's --help in-process: that compiles
 * commander's parsing and help and each command's registration, the code every start-up runs.
 */
async function writeProgramCache() {
  const built = await build({ ...COMMON, entryPoints: ['src/compileCache.ts'], write: false, absWorkingDir: root });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, require);
  const { writeCodeCache } = module.exports;
  const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  await writeCodeCache(`${dist}/program.cjs`, async ({ runProgram, commandNames }) => {
    for (const argv of [['--help'], ...commandNames().map((name) => [name, '--help'])]) {
      const ctx = {
        now: () => new Date(0),
        env: {},
        cwd: root,
        stdin: Readable.from([]),
        stdout: sink(),
        stderr: sink(),
        interactive: false,
      };
      const code = await runProgram(argv, ctx);
      if (code !== 0) throw new Error(`build: \`async ${argv.join(' ')}\` exited ${code} while writing the code cache`);
    }
  });
}
