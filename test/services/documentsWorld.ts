import type { ServiceContext } from '../../electron/main/services/context'
import { attendanceWorld } from './attendanceWorld'

/** An organisation, a session with Intercarif numbers and trainees with attendance, for the documents tests. */
export function documentsWorld(ctx: ServiceContext) {
  const w = attendanceWorld(ctx, '2026-11-22')
  ctx.db
    .prepare(
      `UPDATE organisation SET raison_sociale = 'Atelier Formation Bretagne Sud', siret = '84327159300025', nda = '53560912356', legal_form = 'SAS',
         address_line1 = '27 boulevard Cosmao Dumanoir', postal_code = '56100', city = 'Lorient', qualiopi_number = 'FR071923-1',
         signatory_name = 'Morgane Le Bihan', signatory_title = 'Directrice', region_code = '53' WHERE id = 1`
    )
    .run()
  const sessionId = w.session({ label: 'SA Lorient – septembre 2026' })
  ctx.db.prepare("UPDATE session SET intercarif_session_id = '103725' WHERE id = ?").run(sessionId)
  const day = ctx.db.prepare(
    `INSERT INTO attendance_day (enrolment_id, date, hours, absence_code, updated_at, updated_by) VALUES (?, ?, ?, ?, '2026-11-22T09:00:00Z', 'test')`
  )
  const attend = (enrolmentId: number, days: [string, number | null, string | null][]) => {
    for (const [date, hours, code] of days) day.run(enrolmentId, date, hours, code)
  }
  return { ...w, sessionId, attend }
}
