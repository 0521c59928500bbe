import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBackend, type RunningBackend } from '../../electron/main/backend'
import { LOG_ROTATION, logInternal, openAppLog } from '../../electron/main/log/appLog'
import { resolveLogDir } from '../../electron/main/log/logDir'
import { fixedClock } from '../helpers/tempDb'

let dir = ''
let backend: RunningBackend | null = null
afterEach(() => {
  backend?.close()
  backend = null
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const logLines = (logDir: string): Record<string, unknown>[] =>
  readdirSync(logDir)
    .filter((f) => f.endsWith('.log'))
    .flatMap((f) => readFileSync(join(logDir, f), 'utf8').split('\n'))
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe('the application log', () => {
  it('records start, each operation with its duration and outcome, an internal error with its stack, and stop; never an input', async () => {
    dir = mkdtempSync(join(tmpdir(), 'passerelle-log-'))
    const dbPath = join(dir, 'passerelle.db')
    const logDir = resolveLogDir(dbPath, {})
    backend = await startBackend({ dbPath, kind: 'browser', version: 'test', clock: fixedClock(), logDir })
    const { dispatch } = backend
    expect(await dispatch('app:state', {})).toMatchObject({ ok: true, value: { logDir } })
    await dispatch('clerks:select', { name: 'Claire Martin' })
    // A bug below the service: the insert fails with an error nobody expected.
    backend.db.exec("CREATE TRIGGER boom BEFORE INSERT ON trainee BEGIN SELECT RAISE(ABORT, 'trigger failed'); END")
    const r = await dispatch('trainees:create', { lastName: 'Zorglubovitch', firstName: 'Philomène', email: 'philo@example.org' })
    expect(r, JSON.stringify(r)).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(!r.ok && r.error.message).toMatch(/journal de l'application/)
    await dispatch('nope:'.padEnd(5000, 'x'), {})
    // Background work (an import or document job) that fails unexpectedly goes to the same log.
    logInternal('lheo:apply', new RangeError('worker died'))
    backend.close()
    backend = null

    const text = readdirSync(logDir).map((f) => readFileSync(join(logDir, f), 'utf8')).join('')
    for (const secret of ['Zorglubovitch', 'Philomène', 'philo@example.org', 'Claire Martin']) expect(text).not.toContain(secret)
    const lines = logLines(logDir)
    expect(lines[0]).toMatchObject({ msg: 'start', kind: 'browser', version: 'test' })
    expect(lines.at(-1)).toMatchObject({ msg: 'stop' })
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'op', op: 'app:state', outcome: 'ok', ms: expect.any(Number) }))
    const failed = lines.find((l) => l.msg === 'internal error')
    expect(failed).toMatchObject({ op: 'trainees:create', err: { message: 'trigger failed' } })
    expect(String((failed?.err as { stack?: string }).stack)).toMatch(/\n\s+at /)
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'op', op: 'trainees:create', outcome: 'internal' }))
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'internal error', op: 'lheo:apply', err: expect.objectContaining({ type: 'RangeError', message: 'worker died' }) }))
    // An unknown operation's name is logged cut short.
    const unknown = lines.find((l) => l.outcome === 'unknown_operation')
    expect(String(unknown?.op).length).toBeLessThanOrEqual(60)
  })

  it('rotates daily and by size, keeping a bounded number of files', async () => {
    expect(LOG_ROTATION).toMatchObject({ frequency: 'daily', size: '5m', keep: 14 })
    dir = mkdtempSync(join(tmpdir(), 'passerelle-log-'))
    const log = await openAppLog(join(dir, 'logs'))
    for (let i = 0; i < 3; i++) log.event('start', { n: i })
    log.close()
    const files = readdirSync(join(dir, 'logs'))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^passerelle\.\d{4}-\d{2}-\d{2}\.1\.log$/)
    // The same rotation with a tiny size: new files as it grows, only the newest kept.
    const small = await openAppLog(join(dir, 'small'), { size: '1k', keep: 2 })
    for (let i = 0; i < 200; i++) {
      small.event('tick', { i })
      await new Promise((r) => setImmediate(r))
    }
    await new Promise((r) => setTimeout(r, 100))
    small.close()
    const rotated = readdirSync(join(dir, 'small'))
    expect(rotated.length).toBe(3)
    expect(rotated.every((f) => /^passerelle\.\d{4}-\d{2}-\d{2}\.\d+\.log$/.test(f))).toBe(true)
    // Earlier runs' files (one a day for a month) are pruned at start to the newest `keep`.
    const old = join(dir, 'old')
    mkdirSync(old)
    for (let d = 1; d <= 30; d++) writeFileSync(join(old, `passerelle.2026-10-${String(d).padStart(2, '0')}.1.log`), '{}\n')
    writeFileSync(join(old, 'notes.txt'), 'kept')
    ;(await openAppLog(old)).close()
    const left = readdirSync(old).sort()
    expect(left).toContain('notes.txt')
    expect(left).not.toContain('passerelle.2026-10-16.1.log')
    expect(left).toContain('passerelle.2026-10-17.1.log')
    expect(left.filter((f) => f.endsWith('.log'))).toHaveLength(LOG_ROTATION.keep + 1)
  })

  it('writes a crash of the process (an exception nobody caught) before the process dies', () => {
    dir = mkdtempSync(join(tmpdir(), 'passerelle-log-'))
    const code = `require('./electron/main/backend').startBackend({ dbPath: ${JSON.stringify(join(dir, 'p.db'))}, kind: 'browser', version: 't', logDir: ${JSON.stringify(join(dir, 'logs'))} })
  .then(() => setTimeout(() => { throw new TypeError('crash in a timer') }, 10))`
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: resolve(__dirname, '../..'), encoding: 'utf8' })
    expect(child.status).not.toBe(0)
    const crash = logLines(join(dir, 'logs')).find((l) => l.msg === 'internal error')
    expect(crash).toMatchObject({ op: 'uncaughtException', err: { type: 'TypeError', message: 'crash in a timer' } })
  }, 30_000)

  it('puts the log beside the database unless PASSERELLE_LOG_DIR says otherwise', () => {
    expect(resolveLogDir('/data/Passerelle/passerelle.db', {})).toBe(join('/data/Passerelle', 'logs'))
    expect(resolveLogDir('/data/passerelle.db', { PASSERELLE_LOG_DIR: '/var/log/passerelle' })).toBe('/var/log/passerelle')
  })
})
