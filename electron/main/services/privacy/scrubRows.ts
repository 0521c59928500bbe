import { ANONYMISED_LAST_NAME, anonymisedFirstName } from '@shared/domain/retention'
import { foldForSearch } from '@shared/domain/text'
import type { Db } from '../../db/open'
import type { PersonIds } from './personIds'

/*
 * The person's own rows, column by column (every personal column of migrations 0010–0060): what
 * identifies them or is free text about them is emptied; what the organisation must keep for its
 * accounts, statistics and funders (statuses, dates, hours, amounts, reason codes, results) stays.
 * docs/domain.md §4 « Retention » lists the choices.
 */

const EFFACE = 'Motif effacé (anonymisation)'

export function scrubPersonRows(db: Db, p: PersonIds, now: string): void {
  const run = (sql: string, list: readonly number[], ...extra: unknown[]): void => {
    if (list.length > 0) db.prepare(sql).run(JSON.stringify(list), ...extra)
  }
  const updateTrainee = db.prepare(
    `UPDATE trainee SET civility = NULL, last_name = @last, first_name = @first, birth_name = NULL, birth_date = NULL,
       email = NULL, phone = NULL, address_line1 = NULL, address_line2 = NULL, postal_code = NULL, city = NULL, ft_id = NULL,
       adviser_name = NULL, adviser_email = NULL, cpf_balance_cents = NULL, notes = NULL, search_text = @search,
       anonymised_at = @now, updated_at = @now
     WHERE id = @id`
  )
  for (const id of p.trainees) {
    const first = anonymisedFirstName(id)
    updateTrainee.run({ id, last: ANONYMISED_LAST_NAME, first, search: foldForSearch(`${ANONYMISED_LAST_NAME} ${first}`), now })
  }
  run('UPDATE registration SET comment = NULL WHERE id IN (SELECT value FROM json_each(?))', p.registrations)
  run('UPDATE registration_transfer SET comment = NULL WHERE registration_id IN (SELECT value FROM json_each(?))', p.registrations)
  // The employer names the person's workplace; the funding reference is a France Travail / OPCO file number.
  run('UPDATE enrolment SET employer_name = NULL, funding_reference = NULL WHERE id IN (SELECT value FROM json_each(?))', p.enrolments)
  run(
    `UPDATE enrolment_event SET comment = NULL,
       reason_label = CASE WHEN kind IN ('interruption', 'resumption') AND reason_label IS NOT NULL THEN '${EFFACE}' ELSE reason_label END
     WHERE id IN (SELECT value FROM json_each(?))`,
    p.events
  )
  // An interruption's reason is typed freely (often health): the dates stay, the words go.
  run(`UPDATE interruption SET reason = '${EFFACE}', comment = NULL WHERE id IN (SELECT value FROM json_each(?))`, p.interruptions)
  run('UPDATE attendance_day SET comment = NULL WHERE comment IS NOT NULL AND enrolment_id IN (SELECT value FROM json_each(?))', p.enrolments)
  run(
    `UPDATE exit_report SET hours_override_reason = CASE WHEN hours_override_reason IS NULL THEN NULL ELSE '${EFFACE}' END,
       skills_acquired = NULL, next_step = NULL, comments = NULL WHERE id IN (SELECT value FROM json_each(?))`,
    p.exitReports
  )
  run(
    `UPDATE aif_quote SET comment = NULL, decision_reason = NULL, remaining_cost_reason = NULL, cpf_balance_cents = NULL, kairos_reference = NULL
     WHERE id IN (SELECT value FROM json_each(?))`,
    p.quotes
  )
}
