#!/usr/bin/env node
'use strict';
// CommonJS on purpose: Node starts its ES module loader only for ES modules (see scripts/build.js).
require('../dist/cli.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
