import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { monthDays } from '@shared/domain/attendance'
import { todayIso } from '@shared/domain/dates'
import { attendanceWorld } from '../services/attendanceWorld'
import { call, crashDatabase, kill, seeded, SKIP, sleep, startHost } from './crashHost'

/*
 * Crash test of attendance:save (one transaction per operation, synchronous=FULL, WAL).
 *
 * The browser host runs on a temporary database holding a session of 200 trainees. Fifteen times:
 * the whole month (200 × 31 = 6,200 cells, one marker value per iteration) is POSTed to
 * attendance:save, and the host is killed with SIGKILL after a delay of 0 to 300 ms drawn from a
 * seeded PRNG — before, during or after the transaction. The file is then opened with
 * better-sqlite3: `PRAGMA integrity_check` must answer ok, and the month must be entirely the
 * previous state or entirely the new one (every cell carries the same marker), with exactly one
 * audit entry per committed save. The host is restarted on the same file for the next iteration.
 * The catalogue and trainee imports are killed the same way in importCrash.test.ts (crashHost.ts).
 *
 * Needs the built host (`npx electron-vite build`, which `npm test` runs before vitest).
 */

if (SKIP) process.stderr.write(`${SKIP}\n`)
const SEED = 1311

const MONTH = '2026-10'
const TRAINEES = 200
const ITERATIONS = 15

let dbPath: string
let hostEntry: string
let enrolments: number[] = []
let cleanup: () => void = () => undefined

beforeAll(async () => {
  if (SKIP) return
  const t = await crashDatabase()
  ;({ cleanup, dbPath, hostEntry } = t)
  const w = attendanceWorld(t.ctx, todayIso(t.ctx.clock.now()))
  const sessionId = w.session({ label: 'Crash test' })
  enrolments = w.trainees(sessionId, TRAINEES)
  t.db.close()
})
afterAll(() => cleanup())

type MonthState = { rows: number; markers: number[]; audits: number; integrity: string }

function readState(): MonthState {
  const db = new Database(dbPath)
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? ''
    const rows = (db.prepare('SELECT count(*) AS n FROM attendance_day WHERE date BETWEEN ? AND ?').get(`${MONTH}-01`, `${MONTH}-31`) as { n: number }).n
    const markers = (db.prepare('SELECT DISTINCT hours FROM attendance_day WHERE date BETWEEN ? AND ? ORDER BY hours').all(`${MONTH}-01`, `${MONTH}-31`) as { hours: number }[]).map((r) => r.hours)
    const audits = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE operation = 'attendance.save'").get() as { n: number }).n
    return { rows, markers, audits, integrity }
  } finally {
    db.close()
  }
}

describe.skipIf(SKIP !== null)('attendance:save survives a killed process', () => {
  it(`keeps the month whole across ${ITERATIONS} kills during a save of ${TRAINEES} × 31 cells`, async () => {
    const days = monthDays(MONTH)
    const cells = TRAINEES * days.length
    let previous: number | null = null
    let committedSaves = 0
    const outcomes = { before: 0, after: 0 }
    const random = seeded(SEED)
    const started = performance.now()

    for (let i = 0; i < ITERATIONS; i++) {
      // One marker per save (1 h … 15 h): a save not committed can never look like one that was.
      const marker = 1 + i
      const changes = enrolments.flatMap((enrolmentId) => days.map((d) => ({ enrolmentId, date: d.date, value: marker, force: true })))
      const host = await startHost(hostEntry, dbPath)
      const answer = call(host, 'attendance:save', { month: MONTH, changes })
      await sleep(random() * 300)
      await kill(host)
      const reply = await answer

      const state = readState()
      const where = `itération ${i + 1} (marqueur ${marker}, précédent ${previous ?? 'vide'})`
      expect(state.integrity, where).toBe('ok')
      if (state.markers.length === 1 && state.markers[0] === marker) {
        expect(state.rows, where).toBe(cells)
        committedSaves++
        outcomes.after++
        previous = marker
      } else {
        // Not committed: exactly the previous state.
        expect(reply?.ok ?? false, `${where} : la réponse annonçait un enregistrement`).toBe(false)
        expect(state.rows, where).toBe(previous === null ? 0 : cells)
        expect(state.markers, where).toEqual(previous === null ? [] : [previous])
        outcomes.before++
      }
      expect(state.audits, where).toBe(committedSaves)
    }
    process.stdout.write(
      `Coupures : ${outcomes.before} avant la validation (mois inchangé), ${outcomes.after} après (mois entièrement nouveau), ${Math.round((performance.now() - started) / 1000)} s.\n`
    )
    expect(outcomes.before + outcomes.after).toBe(ITERATIONS)
  }, 300_000)
})
