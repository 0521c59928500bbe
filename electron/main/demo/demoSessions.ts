// Demo data: Sessions over sixteen months around today and their recruitment events, planned then inserted.
import { PLACES, STAFF, TRAININGS, type TrainingDef } from './catalogue'
import type { SessionPlan } from './demoPlans'
import type { DemoState } from './demoState'

/** No session gets more enrolments than this, whatever the number of trainees. */
const MAX_ENROLMENTS_PER_SESSION = 16
/** Start offsets (days from today) of the first sessions: every phase exists even in a small demo. */
const FIXED_SESSION_OFFSETS = [-270, -200, -130, -75, -35, -6, 9, 23, 38, 75, 150]
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']

export function planSessions(b: DemoState, enrolledCount: number): SessionPlan[] {
  const rng = b.rng
  const sessions: SessionPlan[] = []
  const trainingChoices = TRAININGS.map((t, i) => [i, t.weight] as const)
  let planned = 0
  let cancelledDone = false
  while (planned < enrolledCount || sessions.length < FIXED_SESSION_OFFSETS.length) {
    const index = sessions.length
    const fixed = FIXED_SESSION_OFFSETS[index]
    const trainingIndex = fixed !== undefined ? index % TRAININGS.length : rng.weighted(trainingChoices)
    const training = TRAININGS[trainingIndex] as TrainingDef
    const area = rng.pick(training.places)
    const offset = fixed ?? rng.int(-300, 180)
    const total = training.hoursCentre + training.hoursCompany
    const s: SessionPlan = {
      id: 0,
      index,
      training,
      trainingId: b.trainingIds[trainingIndex] as number,
      actionId: b.actionIds.get(`${trainingIndex}:${area}`) as number,
      placeId: b.placeIds.get(area) as number,
      area,
      start: 0,
      end: 0,
      capacity: rng.int(12, 16),
      totalHours: total,
      weekly: training.weeklyHours,
      recruitment: 'closed',
      events: [],
      transfer: null,
      retenuCount: 0,
      results: 0,
      waitlisted: false,
      awaitingValidation: false,
      awaitingRequest: false,
      entered: 0,
      entriesPending: false,
      createdDay: 0,
      target: 0
    }
    s.start = b.nextWorkday(s, b.cal.mondayOf(offset))
    // The end is the day the planned hours are reached, closures and holidays skipped.
    let acc = 0
    let d = s.start
    for (;;) {
      if (b.workday(s, d)) acc += s.weekly[b.cal.dow(d) - 1] ?? 0
      if (acc >= total) break
      d++
    }
    s.end = d
    s.createdDay = Math.min(s.start - rng.int(60, 150), -rng.int(1, 20))
    if (s.start > 14) s.recruitment = 'open'
    if (s.start <= 0 && s.start >= -7) s.entriesPending = fixed !== undefined || rng.chance(0.4)

    const remaining = Math.max(0, enrolledCount - planned)
    let target: number
    if (s.start <= 60) target = rng.int(s.capacity - 3, Math.min(MAX_ENROLMENTS_PER_SESSION, s.capacity + 2))
    else if (s.start <= 120) target = rng.int(2, 10)
    else target = rng.int(0, 5)
    s.target = Math.min(target, remaining)
    planned += s.target

    planEvents(b, s)
    if (!cancelledDone && s.start > 0) cancelledDone = cancelOneEvent(s)
    sessions.push(s)
  }
  // A recruitment "sur candidature" for one upcoming session, and one session on hold.
  const windowSession =
    sessions.find((s) => s.training.short === 'DWWM' && s.start >= 21) ?? sessions.find((s) => s.start >= 21)
  if (windowSession) {
    windowSession.events.unshift({
      id: 0,
      kind: 'application_window',
      date: -10,
      endDate: windowSession.start - 10,
      startTime: null,
      endTime: null,
      capacity: null,
      comment: 'Candidatures sur dossier (CV et lettre de motivation), puis tests de logique et entretien individuel',
      cancelled: false,
      regs: 0,
      createdDay: -11
    })
  }
  const suspended = sessions.find((s) => s.start > 100 && s.target === 0) ?? sessions.find((s) => s.start > 100)
  if (suspended) suspended.recruitment = 'suspended'
  return sessions
}

export function planEvents(b: DemoState, s: SessionPlan): void {
  const rng = b.rng
  const weeks = [2, ...rng.shuffle([3, 4, 5, 6, 7]).slice(0, rng.int(1, 2))].sort((a, b) => b - a)
  const monday = b.cal.mondayOf(s.start)
  const dates = weeks.map((k) => monday - 7 * k + (rng.chance(0.5) ? 1 : 3))
  if (s.training.entryMode === 'permanent') {
    // Permanent entries: recruitment goes on during the first half of the session.
    for (const k of [1, 3, 5]) {
      const d = monday + 7 * k + (rng.chance(0.5) ? 1 : 3)
      if (d <= s.start + (s.end - s.start) / 2 - 14) dates.push(d)
    }
  }
  for (const raw of dates) {
    let date = raw
    // A holiday or a closure moves the meeting to the previous Tuesday or Thursday.
    while (b.cal.isClosed(date)) date -= b.cal.dow(date) === 4 ? 2 : 5
    const morning = rng.chance(0.8)
    s.events.push({
      id: 0,
      kind: 'info_session',
      date,
      endDate: null,
      startTime: morning ? '09:30' : '14:00',
      endTime: morning ? '12:00' : '16:30',
      capacity: rng.int(12, 20),
      comment: 'Information collective : présentation du métier et de la formation, tests de positionnement, entretiens individuels',
      cancelled: false,
      regs: 0,
      createdDay: Math.max(s.createdDay, Math.min(date - rng.int(14, 45), -1))
    })
  }
}

export function cancelOneEvent(s: SessionPlan): boolean {
  const future = s.events.filter((e) => e.kind === 'info_session' && e.date > 1).sort((a, b) => a.date - b.date)
  const from = future[0]
  const to = future[1]
  if (!from || !to) return false
  from.cancelled = true
  from.createdDay = Math.min(from.createdDay, -3)
  s.transfer = { from, to }
  return true
}

export function insertSessions(b: DemoState, sessions: SessionPlan[]): void {
  const db = b.ctx.db
  const insertSession = db.prepare(
    `INSERT INTO session (training_id, action_id, intercarif_session_id, label, start_date, end_date, place_id, capacity, entry_mode,
       hours_centre, hours_company, weekly_hours_json, recruitment_state, trainer_name, referent_name, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'local', ?, ?)`
  )
  const insertFunder = db.prepare('INSERT INTO session_funder (session_id, funder_code, label) VALUES (?, ?, ?)')
  const insertBreak = db.prepare('INSERT INTO session_break (session_id, start_date, end_date, label) VALUES (?, ?, ?, ?)')
  const insertEvent = db.prepare(
    `INSERT INTO recruitment_event (session_id, kind, date, end_date, start_time, end_time, place_id, capacity, comment, series_id,
       cancelled_at, cancel_reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  for (const s of sessions) {
    const t = s.training
    const startIso = b.iso(s.start)
    const month = MONTHS_FR[Number(startIso.slice(5, 7)) - 1] ?? ''
    const city = PLACES.find((p) => p.key === s.area)?.city ?? ''
    const created = b.instant(s.createdDay)
    const info = insertSession.run(
      s.trainingId,
      s.actionId,
      String(103725 + s.index),
      `${t.short} ${city} – ${month} ${startIso.slice(0, 4)}`,
      startIso,
      b.iso(s.end),
      s.placeId,
      s.capacity,
      t.entryMode,
      t.hoursCentre,
      t.hoursCompany,
      JSON.stringify(s.weekly),
      s.recruitment,
      b.rng.pick(t.trainers),
      b.rng.pick(STAFF),
      created,
      created
    )
    s.id = Number(info.lastInsertRowid)
    b.summary.sessions++
    for (const [code, label] of t.funders) insertFunder.run(s.id, code, label)
    for (const c of b.cal.closures) {
      if (c.to >= s.start && c.from <= s.end) insertBreak.run(s.id, b.iso(c.from), b.iso(c.to), c.label)
    }
    s.events.sort((a, b) => a.date - b.date)
    for (const e of s.events) {
      const createdAt = b.instant(e.createdDay)
      const cancelledAt = e.cancelled ? b.instant(-2) : null
      const ev = insertEvent.run(
        s.id,
        e.kind,
        b.iso(e.date),
        e.endDate === null ? null : b.iso(e.endDate),
        e.startTime,
        e.endTime,
        s.placeId,
        e.capacity === null ? null : Math.max(e.capacity, e.regs),
        e.comment,
        null,
        cancelledAt,
        e.cancelled ? 'Formatrice indisponible : les candidats sont reportés sur la réunion suivante' : null,
        createdAt,
        cancelledAt ?? createdAt
      )
      e.id = Number(ev.lastInsertRowid)
      b.summary.recruitmentEvents++
    }
  }
}
