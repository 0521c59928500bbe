// better-sqlite3 is a native module: Node (tests, browser host, CLI) and Electron (the app) need
// different builds of it. This script switches the one in node_modules to the runtime asked for,
// and does nothing when it already matches (a switch recompiles or downloads it: ~1 minute).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const target = process.argv[2]
const pkgDir = dirname(require.resolve('better-sqlite3/package.json'))
const marker = join(pkgDir, 'build', 'passerelle-runtime.txt')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

function loadsInNode() {
  const probe = "new (require('better-sqlite3'))(':memory:').close()"
  return spawnSync(process.execPath, ['-e', probe], { stdio: 'ignore' }).status === 0
}

if (target === 'node') {
  if (loadsInNode()) process.exit(0)
  console.log('better-sqlite3 : compilation pour Node…')
  run(npm, ['rebuild', 'better-sqlite3'])
  if (existsSync(marker)) rmSync(marker)
  if (!loadsInNode()) {
    console.error('better-sqlite3 ne se charge toujours pas dans Node : voir le README (python3, make et un compilateur C++ sont nécessaires).')
    process.exit(1)
  }
} else if (target === 'electron') {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  const wanted = `electron-${electronVersion}`
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === wanted) process.exit(0)
  console.log(`better-sqlite3 : compilation pour Electron ${electronVersion}…`)
  run(npx, ['electron-builder', 'install-app-deps'])
  writeFileSync(marker, wanted)
} else {
  console.error('usage: node electron/scripts/native.mjs node|electron')
  process.exit(2)
}
