import type { Db } from '../../electron/main/db/open'

/**
 * An organisation certified Qualiopi, a session from Monday 7 December 2026 to Friday 26 March 2027
 * (35 h a week, Monday to Friday) and three enrolments: Alice from 4 January (in time for a quote
 * on 2 December), Bruno from the session start (less than 15 days away: a late quote), Chloé whose
 * CPF balance covers the cost (no AIF).
 */
export function quotesWorld(db: Db, options: { title?: string } = {}) {
  const at = '2026-11-20T09:00:00.000Z'
  db.prepare(
    `UPDATE organisation SET raison_sociale = 'Atelier Formation Bretagne Sud', siret = '84327159300025', nda = '53560912356', legal_form = 'SAS',
       address_line1 = '27 boulevard Cosmao Dumanoir', postal_code = '56100', city = 'Lorient', phone = '02 97 00 00 00', region_code = '53',
       qualiopi_number = 'FR071923-1', qualiopi_valid_until = '2027-12-31',
       signatory_name = 'Morgane Le Bihan', signatory_title = 'Directrice' WHERE id = 1`
  ).run()
  const trainingId = Number(
    db
      .prepare(
        `INSERT INTO training (intercarif_formation_id, title, formacode, objective_code, objectives, certification_kind, certification_code, certification_level, total_hours, created_at, updated_at)
         VALUES ('53_1262663', ?, '42056', 6, 'Acquérir les compétences du titre professionnel de secrétaire assistant(e).', 'RNCP', 'RNCP37890', 4, 595, ?, ?)`
      )
      .run(options.title ?? 'Secrétaire assistant(e)', at, at).lastInsertRowid
  )
  const placeId = Number(db.prepare("INSERT INTO place (name, address_line1, postal_code, city, created_at) VALUES ('Centre de Lorient', '27 boulevard Cosmao Dumanoir', '56100', 'Lorient', ?)").run(at).lastInsertRowid)
  const actionId = Number(
    db
      .prepare("INSERT INTO training_action (training_id, intercarif_action_id, price_hourly_cents, hours_total, created_at, updated_at) VALUES (?, '53_1330305', 1250, 595, ?, ?)")
      .run(trainingId, at, at).lastInsertRowid
  )
  const sessionId = Number(
    db
      .prepare(
        `INSERT INTO session (training_id, action_id, intercarif_session_id, label, start_date, end_date, place_id, weekly_hours_json, created_at, updated_at)
         VALUES (?, ?, '103725', 'SA Lorient – décembre 2026', '2026-12-07', '2027-03-26', ?, '[7,7,7,7,7,0,0]', ?, ?)`
      )
      .run(trainingId, actionId, placeId, at, at).lastInsertRowid
  )
  const trainee = (last: string, first: string, ftId: string, cpf: number | null) =>
    Number(
      db
        .prepare("INSERT INTO trainee (ft_id, civility, last_name, first_name, birth_date, cpf_balance_cents, created_at, updated_at) VALUES (?, 'Mme', ?, ?, '1990-05-14', ?, ?, ?)")
        .run(ftId, last, first, cpf, at, at).lastInsertRowid
    )
  const enrol = (traineeId: number, start: string | null) =>
    Number(
      db
        .prepare("INSERT INTO enrolment (session_id, trainee_id, status, status_since, funding, planned_start_date, planned_end_date, created_at, updated_at) VALUES (?, ?, 'retenu', '2026-11-20', 'aif', ?, NULL, ?, ?)")
        .run(sessionId, traineeId, start, at, at).lastInsertRowid
    )
  const alice = enrol(trainee('Arnaud', 'Alice', '0676932W', null), '2027-01-04')
  const bruno = enrol(trainee('Bernard', 'Bruno', '1234567A', null), null)
  const chloe = enrol(trainee('Coste', 'Chloé', '7654321B', 1_000_000), '2027-01-04')
  return { trainingId, sessionId, alice, bruno, chloe }
}
