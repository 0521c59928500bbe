import type { AttendanceMonthGrid, CellChange, PrefillResult, SaveResult } from '@shared/api/areas/attendance'
import { AppError } from '@shared/api/result'
import { attestationRefusal, type CellValue, checkCell, monthBounds, monthLabelFr, ofMonthFr, sameCell, type StoredDay } from '@shared/domain/attendance'
import { formatDateFr, todayIso } from '@shared/domain/dates'
import type { HolidayOptions } from '@shared/domain/frenchHolidays'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { holidayOptions } from '../enrolments/deadlineBounds'
import { applyCalendar, applyTotals, getMonthGrid, type LoadedMonth, type LoadedRow, loadMonth, publicRow, toGrid } from './attendanceMonth'

/*
 * Writes of the monthly attendance. Every operation is ONE transaction (one commit, one fsync
 * with synchronous=FULL): a paste of 15,000 cells is all written or not at all, with ONE audit
 * entry that lists the cells changed (before and after). Each cell is checked with the pure rules
 * of shared/domain/attendance.ts; refused cells are returned with their reason and left unchanged.
 */

const UPSERT_SQL = `INSERT INTO attendance_day (enrolment_id, date, hours, absence_code, absence_hours, forced, updated_at, updated_by)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (enrolment_id, date) DO UPDATE SET hours = excluded.hours, absence_code = excluded.absence_code,
    absence_hours = excluded.absence_hours, forced = excluded.forced, updated_at = excluded.updated_at, updated_by = excluded.updated_by`

const DELETE_SQL = 'DELETE FROM attendance_day WHERE enrolment_id = ? AND date = ?'

type Write = { row: LoadedRow; index: number; date: string; value: CellValue; stored: StoredDay | null }

/**
 * Writes cells with two prepared statements and updates the loaded rows' values (their totals are
 * the caller's: once per row, after all writes); returns the audit's list.
 */
function writeCells(ctx: ServiceContext, writes: readonly Write[]): [number, number, CellValue, CellValue][] {
  const upsert = ctx.db.prepare(UPSERT_SQL)
  const remove = ctx.db.prepare(DELETE_SQL)
  const now = nowIso(ctx.clock)
  const by = ctx.actor.name
  // [enrolment, day of the month, before, after]: compact, a paste of 15,000 cells stays small.
  const trace: [number, number, CellValue, CellValue][] = []
  for (const w of writes) {
    const s = w.stored
    if (s === null) remove.run(w.row.enrolmentId, w.date)
    else upsert.run(w.row.enrolmentId, w.date, s.hours, s.code, s.absenceHours, s.forced ? 1 : 0, now, by)
    trace.push([w.row.enrolmentId, w.index + 1, w.row.values[w.index] ?? null, w.value])
    w.row.values[w.index] = w.value
    const f = w.row.forced.indexOf(w.index)
    if (s?.forced && f < 0) w.row.forced.push(w.index)
    else if (!s?.forced && f >= 0) w.row.forced.splice(f, 1)
  }
  return trace
}

/** attendance:save */
export function saveAttendance(ctx: ServiceContext, month: string, changes: readonly CellChange[]): SaveResult {
  const options = holidayOptions(ctx.db)
  return ctx.db.transaction((): SaveResult => {
    const ids = [...new Set(changes.map((c) => c.enrolmentId))]
    // Today locks the days after it ('future'): attendance certifies days that have happened.
    const loaded = loadMonth(ctx.db, month, { enrolmentIds: ids }, options, false, todayIso(ctx.clock.now()))
    const attested = loaded.rows.filter((r) => r.attested !== null)
    if (attested.length > 0) {
      const sessions = [...new Set(attested.map((r) => r.sessionLabel))]
      const first = attested[0]
      throw new AppError(
        'refused',
        `L’assiduité ${ofMonthFr(month)} est attestée pour ${sessions.length === 1 ? `la session « ${sessions[0]} »` : `${sessions.length} sessions (${sessions.join(', ')})`}` +
          `${first?.attested ? ` (le ${formatDateFr(first.attested.at.slice(0, 10))} par ${first.attested.by})` : ''} : rien n’a été enregistré. ` +
          'Déverrouillez le mois, avec un motif, pour le modifier.'
      )
    }

    const position = new Map(loaded.rows.map((r, i) => [r.enrolmentId, i]))

    const rejected: SaveResult['rejected'] = []
    const reject = (c: CellChange, message: string) => rejected.push({ enrolmentId: c.enrolmentId, date: c.date, message })
    // One slot per cell of the loaded rows: the last change of a cell wins (a paste over a value
    // typed in the same batch).
    const days = loaded.days.length
    const pending: (Write | undefined)[] = new Array<Write | undefined>(loaded.rows.length * days)
    const monthName = monthLabelFr(month)
    for (const c of changes) {
      if (c.date.slice(0, 7) !== month) {
        reject(c, `Le ${formatDateFr(c.date)} n’est pas en ${monthName}.`)
        continue
      }
      const p = position.get(c.enrolmentId)
      const row = p === undefined ? undefined : loaded.rows[p]
      if (p === undefined || !row) {
        reject(c, `L’inscription n° ${c.enrolmentId} n’est pas en formation en ${monthName} (ou n’existe plus).`)
        continue
      }
      const index = Number(c.date.slice(8, 10)) - 1
      const check = checkCell({ date: c.date, value: c.value, planned: row.planned[index] ?? 0, locked: row.locked[index] ?? null, force: c.force === true })
      if (!check.ok) {
        reject(c, `${row.lastName} ${row.firstName} : ${check.message}`)
        continue
      }
      pending[p * days + index] = { row, index, date: c.date, value: c.value, stored: check.value }
    }
    const writes: Write[] = []
    for (const w of pending) if (w && (!sameCell(w.row.values[w.index] ?? null, w.value) || forcedChanged(w))) writes.push(w)
    if (writes.length > 0) {
      const trace = writeCells(ctx, writes)
      recordAudit(ctx, {
        operation: 'attendance.save',
        entity: 'attendance_month',
        entityId: month,
        after: { month, cells: writes.length, enrolments: new Set(writes.map((w) => w.row.enrolmentId)).size, rejected: rejected.length, changes: trace }
      })
    }
    for (const row of loaded.rows) applyTotals(row, loaded)
    return { rows: loaded.rows.map(publicRow), rejected, saved: writes.length }
  })()
}

/** Same value, but « forcer » now set or cleared: the flag is evidence, rewrite it. */
function forcedChanged(w: Write): boolean {
  return (w.stored?.forced ?? false) !== w.row.forced.includes(w.index)
}

/**
 * attendance:prefill — the empty, editable cells of days that have happened (today included) get
 * the day's planned hours. Never a future day, never a cell holding something, never one of the
 * `skip` cells (refused a moment ago, or cleared on purpose by the clerk).
 */
export function prefillAttendance(
  ctx: ServiceContext,
  month: string,
  scope: { sessionId?: number; enrolmentIds?: readonly number[] },
  skip: readonly { enrolmentId: number; date: string }[] = []
): PrefillResult {
  const options = holidayOptions(ctx.db)
  const today = todayIso(ctx.clock.now())
  return ctx.db.transaction(() => {
    const where = scope.enrolmentIds !== undefined ? { enrolmentIds: scope.enrolmentIds } : scope.sessionId !== undefined ? { sessionId: scope.sessionId } : {}
    const loaded = loadMonth(ctx.db, month, where, options, false, today)
    const skipped = new Set(skip.map((c) => `${c.enrolmentId}:${c.date}`))
    const writes: Write[] = []
    let hundredths = 0
    for (const row of loaded.rows) {
      loaded.days.forEach((d, i) => {
        const planned = row.planned[i] ?? 0
        // locked covers the future, attested months and days out of training.
        if (row.locked[i] !== null || planned <= 0 || row.values[i] !== null || skipped.has(`${row.enrolmentId}:${d.date}`)) return
        writes.push({ row, index: i, date: d.date, value: planned, stored: { hours: planned, code: null, absenceHours: null, forced: false } })
        hundredths += Math.round(planned * 100)
      })
    }
    const changes: CellChange[] = writes.map((w) => ({ enrolmentId: w.row.enrolmentId, date: w.date, value: w.value }))
    const changed = new Set(writes.map((w) => w.row))
    const { last } = monthBounds(month)
    const filled = { days: writes.length, hours: hundredths / 100, trainees: changed.size, until: today < last ? today : last }
    if (writes.length > 0) {
      writeCells(ctx, writes)
      recordAudit(ctx, {
        operation: 'attendance.prefill',
        entity: 'attendance_month',
        entityId: month,
        after: { month, sessionId: scope.sessionId ?? null, cells: writes.length, hours: filled.hours, enrolments: changed.size, until: filled.until, skipped: skipped.size }
      })
    }
    const rows = loaded.rows.filter((r) => changed.has(r))
    for (const row of rows) applyTotals(row, loaded)
    return { rows: rows.map(publicRow), rejected: [], saved: writes.length, changes, filled }
  })()
}

function sessionLabelOrThrow(db: Db, sessionId: number): void {
  const exists = db.prepare('SELECT 1 FROM session WHERE id = ?').get(sessionId)
  if (!exists) throw new AppError('not_found', `La session n° ${sessionId} est introuvable (elle a peut-être été supprimée).`)
}

function sessionMonth(db: Db, month: string, sessionId: number, options: HolidayOptions, today: string): LoadedMonth {
  sessionLabelOrThrow(db, sessionId)
  const loaded = loadMonth(db, month, { sessionId }, options, true, today)
  if (loaded.rows.length === 0) {
    throw new AppError('refused', `Aucun stagiaire de cette session n’est en formation en ${monthLabelFr(month)} : il n’y a pas d’assiduité à attester.`)
  }
  return loaded
}

/** attendance:attest — from the 25th of the month, never a future month; all the session's trainees at once. */
export function attestMonth(ctx: ServiceContext, month: string, sessionId: number): AttendanceMonthGrid {
  const today = todayIso(ctx.clock.now())
  const refusal = attestationRefusal(month, today)
  if (refusal) throw new AppError('refused', refusal)
  const options = holidayOptions(ctx.db)
  return ctx.db.transaction(() => {
    const loaded = sessionMonth(ctx.db, month, sessionId, options, today)
    const open = loaded.rows.filter((r) => r.attested === null)
    if (open.length === 0) {
      const a = loaded.rows[0]?.attested
      throw new AppError(
        'conflict',
        `L’assiduité ${ofMonthFr(month)} de « ${loaded.rows[0]?.sessionLabel ?? ''} » est déjà attestée${a ? ` (le ${formatDateFr(a.at.slice(0, 10))} par ${a.by})` : ''}.`
      )
    }
    const at = nowIso(ctx.clock)
    const upsert = ctx.db.prepare(
      `INSERT INTO attendance_month (enrolment_id, month, planned_hours, attested_at, attested_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (enrolment_id, month) DO UPDATE SET planned_hours = excluded.planned_hours, attested_at = excluded.attested_at, attested_by = excluded.attested_by`
    )
    for (const row of open) {
      upsert.run(row.enrolmentId, month, row.totals.plannedHours, at, ctx.actor.name)
      row.attested = { at, by: ctx.actor.name }
      applyCalendar(row, loaded)
    }
    recordAudit(ctx, {
      operation: 'attendance.attest',
      entity: 'attendance_month',
      entityId: `${sessionId}:${month}`,
      after: {
        month,
        sessionId,
        enrolments: open.map((r) => r.enrolmentId),
        attendedHours: open.reduce((n, r) => n + r.totals.attendedHours, 0),
        plannedHours: open.reduce((n, r) => n + r.totals.plannedHours, 0)
      }
    })
    return toGrid(loaded, sessionId)
  })()
}

/** attendance:unlock — reopens an attested month; the reason goes to the audit log. */
export function unlockMonth(ctx: ServiceContext, month: string, sessionId: number, reason: string): AttendanceMonthGrid {
  const options = holidayOptions(ctx.db)
  const today = todayIso(ctx.clock.now())
  return ctx.db.transaction(() => {
    const loaded = sessionMonth(ctx.db, month, sessionId, options, today)
    const locked = loaded.rows.filter((r) => r.attested !== null)
    if (locked.length === 0) {
      throw new AppError('conflict', `L’assiduité ${ofMonthFr(month)} de « ${loaded.rows[0]?.sessionLabel ?? ''} » n’est pas attestée : il n’y a rien à déverrouiller.`)
    }
    const clear = ctx.db.prepare('UPDATE attendance_month SET attested_at = NULL, attested_by = NULL WHERE enrolment_id = ? AND month = ?')
    const before = locked.map((r) => ({ enrolmentId: r.enrolmentId, attestedAt: r.attested?.at ?? null, attestedBy: r.attested?.by ?? null }))
    for (const row of locked) {
      clear.run(row.enrolmentId, month)
      row.attested = null
      applyCalendar(row, loaded)
    }
    recordAudit(ctx, {
      operation: 'attendance.unlock',
      entity: 'attendance_month',
      entityId: `${sessionId}:${month}`,
      before: { month, sessionId, attestations: before },
      after: { month, sessionId, reason: reason.trim() }
    })
    return toGrid(loaded, sessionId)
  })()
}

/** attendance:month, as of `today` (days after it are locked and not counted as done). */
export function monthGrid(db: Db, month: string, sessionId: number | null, today: string): AttendanceMonthGrid {
  monthBounds(month)
  if (sessionId !== null) sessionLabelOrThrow(db, sessionId)
  return getMonthGrid(db, month, sessionId, holidayOptions(db), today)
}
