// Demo data: Registrations, enrolments and their events, as planned.
import { daysInMonth, formatDateFr } from '@shared/domain/dates'
import type { AbsentRegistration, Day, EnrolmentPlan } from './demoPlans'
import type { DemoState } from './demoState'
import { insertAttendance } from './insertAttendance'

export function insertEnrolments(b: DemoState, enrolments: EnrolmentPlan[], absents: AbsentRegistration[]): void {
  const db = b.ctx.db
  const clerk = b.clerk
  const insertRegistration = db.prepare(
    `INSERT INTO registration (event_id, trainee_id, presence, result, result_code, result_at, comment, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertTransfer = db.prepare(
    `INSERT INTO registration_transfer (registration_id, from_event_id, to_event_id, transferred_at, transferred_by, comment)
     VALUES (?, ?, ?, ?, ?, ?)`
  )
  const insertEnrolment = db.prepare(
    `INSERT INTO enrolment (session_id, trainee_id, registration_id, status, status_since, funding, funding_reference,
       planned_start_date, planned_end_date, planned_hours, entry_date, exit_date, exit_reason, dropout_reason, cancel_reason,
       validated_by, validated_on, ais_status_code, kairos_pending_since, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertStep = db.prepare(
    `INSERT INTO enrolment_event (enrolment_id, kind, from_status, to_status, effective_date, reason_code, reason_label, comment,
       recorded_at, recorded_by, requires_declaration, kairos_declared_on, kairos_declared_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertInterruption = db.prepare(
    `INSERT INTO interruption (enrolment_id, start_date, end_date, reason, comment, event_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertDay = db.prepare(
    `INSERT INTO attendance_day (enrolment_id, date, hours, absence_code, absence_hours, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  const insertMonth = db.prepare(
    `INSERT INTO attendance_month (enrolment_id, month, planned_hours, attested_at, attested_by, kairos_declared_on, kairos_declared_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  const insertReport = db.prepare(
    `INSERT INTO exit_report (enrolment_id, exit_date, exit_reason, hours_computed, hours_completed, certification_result,
       skills_acquired, next_step, comments, completed_at, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )

  // Candidates absent from an information collective: a registration, no enrolment.
  for (const a of absents) {
    const created = b.instant(a.createdDay)
    insertRegistration.run(a.event.id, a.trainee.id, 'absent', null, 'ICA', b.instant(a.event.date), null, created, b.instant(a.event.date))
  }

  const currentMonth = b.cal.today.slice(0, 7)
  const monthEnd = b.cal.offsetOf(`${currentMonth}-${String(daysInMonth(currentMonth)).padStart(2, '0')}`) ?? 31
  const previousMonth = b.iso((b.cal.offsetOf(`${currentMonth}-01`) ?? 0) - 1).slice(0, 7)

  for (const p of enrolments) {
    const s = p.session
    let registrationId: number | null = null
    if (p.registration) {
      const r = p.registration
      const created = b.instant(r.createdDay)
      const resultAt = r.resultDay === null ? null : b.instant(r.resultDay)
      const info = insertRegistration.run(
        r.event.id,
        p.trainee.id,
        r.presence,
        r.result,
        r.resultCode,
        resultAt,
        r.result === 'en_attente' ? 'Mise en attente : session complète à ce jour' : null,
        created,
        resultAt ?? created
      )
      registrationId = Number(info.lastInsertRowid)
      if (r.transferredFrom) {
        insertTransfer.run(
          registrationId,
          r.transferredFrom.id,
          r.event.id,
          b.instant(-2),
          clerk,
          `Réunion annulée : candidat reporté au ${formatDateFr(b.iso(r.event.date))}`
        )
      }
    }

    let pending: Day | null = null
    for (const st of p.steps) if (st.requires && st.declaredOn === null && (pending === null || st.date < pending)) pending = st.date
    const createdAt = b.instant(p.createdDay)
    const updatedAt = p.statusSince > p.createdDay ? b.instant(p.statusSince) : createdAt
    const info = insertEnrolment.run(
      s.id,
      p.trainee.id,
      registrationId,
      p.status,
      b.iso(p.statusSince),
      p.funding,
      p.fundingReference,
      b.iso(s.start),
      b.iso(s.end),
      s.totalHours,
      p.entry === null ? null : b.iso(p.entry),
      p.exit === null ? null : b.iso(p.exit),
      p.exitReason,
      p.dropoutReason,
      p.cancelReason,
      p.validatedBy,
      p.validatedOn === null ? null : b.iso(p.validatedOn),
      p.ais,
      pending === null ? null : b.iso(pending),
      createdAt,
      updatedAt
    )
    const enrolmentId = Number(info.lastInsertRowid)
    p.id = enrolmentId
    b.summary.enrolments++

    for (const st of p.steps) {
      const recordedDay = st.date + (b.rng.chance(0.85) ? 0 : b.rng.int(1, 2))
      const recordedAt = b.instant(Math.min(recordedDay, st.declaredOn ?? recordedDay))
      const ev = insertStep.run(
        enrolmentId,
        st.kind,
        st.from,
        st.to,
        b.iso(st.date),
        st.reasonCode,
        st.reasonLabel,
        st.comment,
        recordedAt,
        clerk,
        st.requires ? 1 : 0,
        st.declaredOn === null ? null : b.iso(st.declaredOn),
        st.declaredOn === null ? null : clerk
      )
      if (st.kind === 'interruption' && p.interruption) {
        const i = p.interruption
        const at = b.instant(i.start)
        insertInterruption.run(
          enrolmentId,
          b.iso(i.start),
          i.end === null ? null : b.iso(i.end),
          i.reason,
          i.end === null ? 'Date de reprise à confirmer' : null,
          Number(ev.lastInsertRowid),
          at,
          i.end === null ? at : b.instant(i.end)
        )
      }
    }

    if (p.entry !== null) insertAttendance(b, p, enrolmentId, insertDay, insertMonth, insertReport, { currentMonth, previousMonth, monthEnd })
  }
}
