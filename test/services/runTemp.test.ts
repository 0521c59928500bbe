import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBackend } from '../../electron/main/backend'
import { LheoJobs } from '../../electron/main/services/lheo/lheoJobs'
import { makeTempDir, removeRunTemp, runTempDir, sweepDeadRuns } from '../../electron/main/tempFiles/runTemp'
import { sweepPartFiles } from '../../electron/main/tempFiles/partFiles'
import { writeLargeLheo } from '../bench/lheoFixture'
import { LHEO_SAMPLES } from '../helpers/reference'
import { fixedClock, serviceContext, tempDb } from '../helpers/tempDb'

const ROOT = resolve(__dirname, '../..')
const CVL = join(LHEO_SAMPLES, 'intercarif_centre-val-de-loire_07_10.xml')
let root = ''
const before = process.env.PASSERELLE_TMP

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'passerelle-temproot-'))
  process.env.PASSERELLE_TMP = root
})
afterEach(() => {
  removeRunTemp()
  if (before === undefined) delete process.env.PASSERELLE_TMP
  else process.env.PASSERELLE_TMP = before
  rmSync(root, { recursive: true, force: true })
})

/** What a run's folder holds now (job folders inside it). */
const jobFolders = (): string[] => (existsSync(runTempDir()) ? readdirSync(runTempDir()) : [])

/** A process that parks a temporary file in its run folder, prints the folder and waits. */
function childWithTempFile(): Promise<{ child: ChildProcess; dir: string }> {
  const code = `const r = require('./electron/main/tempFiles/runTemp'); const d = r.makeTempDir('upload-');
require('node:fs').writeFileSync(d + '/catalogue.xml', 'x'.repeat(100000)); console.log(r.runTempDir()); setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], { cwd: ROOT, env: { ...process.env, PASSERELLE_TMP: root }, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((res, rej) => {
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('\n')) res({ child, dir: out.trim() })
    })
    child.once('exit', (c) => rej(new Error(`child exited ${c}`)))
  })
}
const killed = (child: ChildProcess): Promise<void> =>
  new Promise((res) => {
    child.removeAllListeners('exit')
    child.once('exit', () => res())
    child.kill('SIGKILL')
  })

describe('one temporary folder per run', () => {
  it('puts every job folder in this run’s folder and removes it all at stop', () => {
    const a = makeTempDir('upload-')
    const b = makeTempDir('lheo-')
    expect(runTempDir()).toMatch(new RegExp(`^${root}/passerelle-run-${process.pid}-[0-9a-f]+$`))
    expect([a, b].every((d) => d.startsWith(runTempDir()))).toBe(true)
    removeRunTemp()
    expect(readdirSync(root)).toEqual([])
    // Used again after a stop: a new run folder.
    expect(makeTempDir('upload-').startsWith(root)).toBe(true)
  })

  it('LHEO jobs leave nothing behind on success, failure and cancel', async () => {
    const t = await tempDb()
    try {
      const ctx = serviceContext(t.db)
      const jobs = new LheoJobs()
      // Success: preview then apply.
      const preview = await jobs.settled(jobs.startPreview(ctx, 'offre.xml', readFileSync(CVL)).id)
      expect(preview.state).toBe('done')
      expect(jobFolders().length).toBe(2) // the upload and the staged formations, kept for « Importer »
      expect((await jobs.settled(jobs.apply(ctx, preview.id).id)).state).toBe('done')
      expect(jobFolders()).toEqual([])
      // Failure: a refused file.
      const failed = await jobs.settled(jobs.startPreview(ctx, 'anotea.xml', readFileSync(join(LHEO_SAMPLES, 'anotea_intercarif-data-test.xml'))).id)
      expect(failed.state).toBe('failed')
      expect(jobFolders()).toEqual([])
      // Cancel: of a finished preview, and of an apply being written.
      const done = await jobs.settled(jobs.startPreview(ctx, 'offre.xml', readFileSync(CVL)).id)
      jobs.cancel(done.id)
      expect(jobFolders()).toEqual([])
      const big = join(t.dir, 'big.xml')
      writeLargeLheo(big, 300)
      const bigPreview = await jobs.settled(jobs.startPreview(ctx, 'big.xml', readFileSync(big)).id)
      const applying = jobs.apply(ctx, bigPreview.id)
      jobs.cancel(applying.id)
      expect((await jobs.settled(applying.id)).state).toMatch(/cancelled|done/)
      await new Promise((r) => setTimeout(r, 50))
      expect(jobFolders()).toEqual([])
    } finally {
      t.cleanup()
    }
  })

  it('a killed run’s folder is removed at the next start; a live run’s is kept', async () => {
    const dead = await childWithTempFile()
    const live = await childWithTempFile()
    try {
      expect(readdirSync(dead.dir)).toHaveLength(1)
      await killed(dead.child)
      expect(existsSync(dead.dir)).toBe(true)
      const dbDir = mkdtempSync(join(tmpdir(), 'passerelle-temp-db-'))
      const backend = await startBackend({ dbPath: join(dbDir, 'passerelle.db'), kind: 'browser', version: 'test', clock: fixedClock(), log: () => undefined })
      backend.close()
      rmSync(dbDir, { recursive: true, force: true })
      expect(existsSync(dead.dir)).toBe(false)
      expect(existsSync(live.dir)).toBe(true)
    } finally {
      await killed(live.child)
    }
    expect(sweepDeadRuns(root)).toEqual([live.dir])
  }, 30_000)

  it('removes the folders of earlier versions once a day old, and nothing else', () => {
    const now = Date.parse('2026-12-02T09:00:00Z')
    const old = join(root, 'passerelle-upload-abc')
    const recent = join(root, 'passerelle-lheo-def')
    const other = join(root, 'passerelle-test-xyz')
    for (const d of [old, recent, other]) mkdirSync(d)
    const twoDaysAgo = (now - 2 * 24 * 3600 * 1000) / 1000
    utimesSync(old, twoDaysAgo, twoDaysAgo)
    utimesSync(other, twoDaysAgo, twoDaysAgo)
    utimesSync(recent, now / 1000, now / 1000)
    expect(sweepDeadRuns(root, () => false, now)).toEqual([old])
    expect(readdirSync(root).sort()).toEqual(['passerelle-lheo-def', 'passerelle-test-xyz'])
  })
})

describe('unfinished PDFs in the documents folder', () => {
  it('removes .pdf.part files an hour old or more, in the folder and its month folders, and nothing else', () => {
    const now = Date.parse('2026-12-02T09:00:00Z')
    const month = join(root, '2026-11')
    mkdirSync(month)
    const files = { oldPart: join(month, 'a.pdf.part'), newPart: join(month, 'b.pdf.part'), topPart: join(root, 'c.pdf.part'), pdf: join(month, 'a.pdf'), other: join(month, 'notes.part') }
    for (const f of Object.values(files)) writeFileSync(f, 'x')
    const twoHoursAgo = (now - 2 * 3600 * 1000) / 1000
    for (const f of [files.oldPart, files.topPart, files.pdf, files.other]) utimesSync(f, twoHoursAgo, twoHoursAgo)
    utimesSync(files.newPart, now / 1000, now / 1000)
    expect(sweepPartFiles(root, now).sort()).toEqual([files.topPart, files.oldPart].sort())
    expect(readdirSync(month).sort()).toEqual(['a.pdf', 'b.pdf.part', 'notes.part'])
  })
})
