import type { z } from 'zod'
import type { Trainee, TraineeCursor, TraineeInput, TraineePage, TraineePatch } from '@shared/api/areas/trainees'
import { AppError } from '@shared/api/result'
import { checkBirthDate, todayIso } from '@shared/domain/dates'
import { capitaliseFirstName, foldForSearch, upperName } from '@shared/domain/text'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { oneRow } from '../../db/oneRow'

type NewTrainee = z.output<typeof TraineeInput>
type Changes = z.output<typeof TraineePatch>

const FIELD_COLUMNS = {
  civility: 'civility',
  lastName: 'last_name',
  firstName: 'first_name',
  birthDate: 'birth_date',
  ftId: 'ft_id',
  email: 'email',
  phone: 'phone',
  addressLine1: 'address_line1',
  postalCode: 'postal_code',
  city: 'city',
  prescriber: 'prescriber',
  prescriberAgency: 'prescriber_agency',
  adviserName: 'adviser_name',
  adviserEmail: 'adviser_email',
  notes: 'notes'
} as const satisfies Record<keyof NewTrainee, string>

const SELECT = `
  SELECT t.id, t.civility, t.last_name AS lastName, t.first_name AS firstName, t.birth_date AS birthDate,
         t.ft_id AS ftId, t.email, t.phone, t.address_line1 AS addressLine1, t.postal_code AS postalCode,
         t.city, t.prescriber, t.prescriber_agency AS prescriberAgency, t.adviser_name AS adviserName,
         t.adviser_email AS adviserEmail, t.notes,
         (SELECT count(*) FROM enrolment e WHERE e.trainee_id = t.id) AS enrolmentCount,
         t.created_at AS createdAt, t.updated_at AS updatedAt, t.anonymised_at AS anonymisedAt
  FROM trainee t`

/**
 * The registry's filter: every word must match somewhere, accents and case ignored ("dupre mar"
 * finds DUPRÉ Marie). `t.anonymised_at IS NULL` is written as the partial index trainee_list_order
 * says, so that listing, paging and counting walk that index (migration 0120).
 */
function registryFilter(search: string | undefined): { conditions: string[]; params: unknown[] } {
  const terms = foldForSearch(search ?? '').split(/\s+/).filter(Boolean).slice(0, 6)
  return {
    conditions: ['t.anonymised_at IS NULL', ...terms.map(() => `t.search_text LIKE ? ESCAPE '\\'`)],
    params: terms.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  }
}

// Ordered by the folded text (last name first) so that DUPRÉ sorts among the D, not after Z; the id
// breaks ties, which makes the order total and a page cursor exact.
const LIST_ORDER = 'ORDER BY t.search_text, t.id'

export function listTrainees(db: Db, search?: string): Trainee[] {
  const { conditions, params } = registryFilter(search)
  return db.prepare<unknown[], Trainee>(`${SELECT} WHERE ${conditions.join(' AND ')} ${LIST_ORDER}`).all(...params)
}

/**
 * One page of the registry in the list's order, after `after` (the previous page's `next`): a
 * keyset, not an offset, so a row created or deleted while the grid fills shifts nothing. The
 * total counts the whole filter at the time of this page.
 */
export function pageTrainees(db: Db, input: { search?: string; after?: TraineeCursor; limit: number }): TraineePage {
  const { conditions, params } = registryFilter(input.search)
  const total = oneRow(db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM trainee t WHERE ${conditions.join(' AND ')}`), ...params).n
  const where = [...conditions]
  const pageParams = [...params]
  if (input.after) {
    // The range term alone is what the index can seek; the OR only sorts out equal texts.
    where.push('t.search_text >= ? AND (t.search_text > ? OR t.id > ?)')
    pageParams.push(input.after.key, input.after.key, input.after.id)
  }
  // One row more than asked says whether another page follows, without a last empty call.
  const rows = db
    .prepare<unknown[], Trainee>(`${SELECT} WHERE ${where.join(' AND ')} ${LIST_ORDER} LIMIT ?`)
    .all(...pageParams, input.limit + 1)
  const more = rows.length > input.limit
  if (more) rows.length = input.limit
  const last = rows[rows.length - 1]
  const next = more && last ? { key: oneRow(db.prepare<[number], { k: string }>('SELECT search_text AS k FROM trainee WHERE id = ?'), last.id).k, id: last.id } : null
  return { rows, total, next }
}

export function getTrainee(db: Db, id: number): Trainee {
  const row = db.prepare<unknown[], Trainee>(`${SELECT} WHERE t.id = ?`).get(id)
  if (!row) throw new AppError('not_found', `Le stagiaire n° ${id} est introuvable (il a peut-être été supprimé).`)
  return row
}

export function createTrainee(ctx: ServiceContext, input: NewTrainee): Trainee {
  const data = normalise(ctx, input)
  return ctx.db.transaction(() => {
    assertFtIdFree(ctx.db, data.ftId ?? null, null)
    const now = nowIso(ctx.clock)
    const cols = Object.values(FIELD_COLUMNS)
    const info = ctx.db
      .prepare(
        `INSERT INTO trainee (${cols.join(', ')}, search_text, created_at, updated_at)
         VALUES (${cols.map((c) => `@${c}`).join(', ')}, @search_text, @now, @now)`
      )
      .run({ ...toColumns(data), search_text: searchText(data), now })
    const created = getTrainee(ctx.db, Number(info.lastInsertRowid))
    recordAudit(ctx, { operation: 'trainees.create', entity: 'trainee', entityId: created.id, after: created })
    return created
  })()
}

export function updateTrainee(ctx: ServiceContext, id: number, changes: Changes): Trainee {
  return ctx.db.transaction(() => {
    const before = getTrainee(ctx.db, id)
    refuseAnonymised(before)
    const merged: NewTrainee = { ...pickFields(before), ...changes }
    const data = normalise(ctx, merged)
    assertFtIdFree(ctx.db, data.ftId ?? null, id)
    const sets = Object.values(FIELD_COLUMNS).map((c) => `${c} = @${c}`).join(', ')
    ctx.db
      .prepare(`UPDATE trainee SET ${sets}, search_text = @search_text, updated_at = @now WHERE id = @id`)
      .run({ ...toColumns(data), search_text: searchText(data), now: nowIso(ctx.clock), id })
    const after = getTrainee(ctx.db, id)
    recordAudit(ctx, { operation: 'trainees.update', entity: 'trainee', entityId: id, before, after })
    return after
  })()
}

export function deleteTrainee(ctx: ServiceContext, id: number): { id: number } {
  return ctx.db.transaction(() => {
    const before = getTrainee(ctx.db, id)
    if (before.enrolmentCount > 0) {
      throw new AppError(
        'refused',
        `Impossible de supprimer ${before.lastName} ${before.firstName} : cette personne a ${before.enrolmentCount} inscription${before.enrolmentCount > 1 ? 's' : ''} en formation. ` +
          'Les inscriptions sont des pièces justificatives et doivent être conservées.'
      )
    }
    const bookings = oneRow(ctx.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM registration WHERE trainee_id = ?'), id).n
    if (bookings > 0) {
      throw new AppError(
        'refused',
        `Impossible de supprimer ${before.lastName} ${before.firstName} : cette personne est positionnée sur ${bookings} réunion${bookings > 1 ? 's' : ''} de recrutement.`
      )
    }
    ctx.db.prepare('DELETE FROM trainee WHERE id = ?').run(id)
    recordAudit(ctx, { operation: 'trainees.delete', entity: 'trainee', entityId: id, before })
    return { id }
  })()
}

/** An anonymised person is read-only: nothing may bring identifying data back (docs/domain.md §4 « Retention »). */
function refuseAnonymised(t: Trainee): void {
  if (t.anonymisedAt) throw new AppError('refused', 'Cette personne a été anonymisée : sa fiche ne peut plus être modifiée.')
}

/** Family names in capitals and first names capitalised, as on France Travail documents. */
function normalise(ctx: ServiceContext, t: NewTrainee): NewTrainee {
  if (t.birthDate) {
    const check = checkBirthDate(t.birthDate, todayIso(ctx.clock.now()))
    if (!check.ok) throw new AppError('invalid_input', check.message, [{ path: 'birthDate', message: check.message }])
  }
  return { ...t, lastName: upperName(t.lastName), firstName: capitaliseFirstName(t.firstName) }
}

function assertFtIdFree(db: Db, ftId: string | null, selfId: number | null): void {
  if (!ftId) return
  const other = db
    .prepare<unknown[], { id: number; last_name: string; first_name: string }>('SELECT id, last_name, first_name FROM trainee WHERE ft_id = ? AND id IS NOT ?')
    .get(ftId, selfId)
  if (other) {
    const message = `L'identifiant France Travail ${ftId} est déjà celui de ${other.last_name} ${other.first_name} (fiche n° ${other.id}).`
    throw new AppError('conflict', message, [{ path: 'ftId', message }])
  }
}

function toColumns(t: NewTrainee): Record<string, unknown> {
  return Object.fromEntries(
    (Object.entries(FIELD_COLUMNS) as [keyof NewTrainee, string][]).map(([field, column]) => [column, t[field] ?? null])
  )
}

function pickFields(t: Trainee): NewTrainee {
  return Object.fromEntries(
    (Object.keys(FIELD_COLUMNS) as (keyof NewTrainee)[]).map((field) => [field, t[field]])
  ) as NewTrainee
}

/**
 * The person's own identifiers and whereabouts only: the prescriber's agency and the adviser's
 * e-mail are not searched, or "lorient" would find everyone sent by France Travail Lorient.
 */
function searchText(t: NewTrainee): string {
  return foldForSearch([t.lastName, t.firstName, t.ftId, t.email, t.city, t.postalCode].filter(Boolean).join(' '))
}
