#!/usr/bin/env node
'use strict'
// The CLI is built with the app (`npm install` runs the build); this stub only finds it.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const built = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(built)) {
  process.stderr.write('Framewise is not built yet. Run `npm run build` in ' + join(__dirname, '..') + '\n')
  process.exit(1)
}
require(built)
