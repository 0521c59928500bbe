import { addDays } from '@shared/domain/dates'
import { declarationDueDate } from '@shared/domain/deadlines'
import type { HolidayOptions } from '@shared/domain/frenchHolidays'
import type { Db } from '../../db/open'

/*
 * The deadline rules of shared/domain/deadlines.ts turned into date bounds, so that SQL can
 * select "late" or "to do" rows with an index range on a date column instead of computing a due
 * date per row.
 *
 * `declarationDueDate` never decreases when the effective date increases (D + 3, moved forward to
 * a working day), so the effective dates whose declaration is late on `today` are exactly those on
 * or before one date: the latest `d` with `declarationDueDate(d) < today`.
 */
export type DeadlineBounds = {
  today: string
  /** Events effective on or before this date are late today (`declarationState` says 'en_retard'). */
  lateOnOrBefore: string
}

export function deadlineBounds(today: string, options: HolidayOptions = {}): DeadlineBounds {
  // D + 3 ≥ today for D ≥ today − 3: nothing from the last three days can be late.
  let d = addDays(today, -3)
  for (let guard = 0; guard < 60 && declarationDueDate(d, options) >= today; guard++) d = addDays(d, -1)
  return { today, lateOnOrBefore: d }
}

/** Alsace and Moselle (départements 57, 67, 68) have two more public holidays, which move deadlines. */
export function holidayOptions(db: Db): HolidayOptions {
  const row = db.prepare<unknown[], { postalCode: string | null }>('SELECT postal_code AS postalCode FROM organisation WHERE id = 1').get()
  const code = row?.postalCode ?? ''
  return { alsaceMoselle: /^(57|67|68)/.test(code) }
}
