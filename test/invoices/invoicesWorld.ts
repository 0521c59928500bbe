import type { Db } from '../../electron/main/db/open'
import { quotesWorld } from '../services/quotesWorld'

/**
 * quotesWorld's session (Lorient, from Monday 7 December 2026) funded by the region at 12,50 € an
 * hour: Alice and Bruno entered on 7 December (region), Chloé funded by her CPF. Alice attended
 * 5 days of 7 h (35 h), Bruno 3 days of 7 h and a morning of 3,5 h (24,5 h).
 */
export function invoicesWorld(db: Db) {
  const w = quotesWorld(db)
  const at = '2026-11-20T09:00:00.000Z'
  db.prepare("UPDATE organisation SET iban = 'FR76 3000 4000 0312 3456 7890 143' WHERE id = 1").run()
  db.prepare("UPDATE enrolment SET status = 'entre', status_since = '2026-12-07', entry_date = '2026-12-07', funding = NULL WHERE id IN (?, ?)").run(w.alice, w.bruno)
  db.prepare("UPDATE enrolment SET status = 'entre', status_since = '2026-12-07', entry_date = '2026-12-07', funding = 'cpf' WHERE id = ?").run(w.chloe)
  db.prepare("INSERT INTO session_funder (session_id, funder_code, label, teaching_cost_cents, cost_unit, reference) VALUES (?, 'region', 'Conseil régional', 1250, 'hour', 'Marché 2026-04 lot 3')").run(w.sessionId)
  db.prepare("INSERT INTO session_funder (session_id, funder_code, label, teaching_cost_cents, cost_unit, reference) VALUES (?, 'cpf', 'CPF', 1500, 'hour', NULL)").run(w.sessionId)
  const day = db.prepare("INSERT INTO attendance_day (enrolment_id, date, hours, updated_at, updated_by) VALUES (?, ?, ?, ?, 'test')")
  for (const d of ['07', '08', '09', '10', '11']) day.run(w.alice, `2026-12-${d}`, 7, at)
  for (const d of ['07', '08', '09']) day.run(w.bruno, `2026-12-${d}`, 7, at)
  day.run(w.bruno, '2026-12-10', 3.5, at)
  for (const d of ['07', '08']) day.run(w.chloe, `2026-12-${d}`, 7, at)
  return w
}
