import type { z } from 'zod'
import type { TrainingAction, TrainingDetail, TrainingInput, TrainingRow } from '@shared/api/areas/catalogue'
import { AppError } from '@shared/api/result'
import type { EntryMode } from '@shared/domain/recruitment'
import { foldForSearch } from '@shared/domain/text'
import { bindColumns, insertLists, updateSets } from '../../db/columnMap'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { parseFunders, placeLabel, type Funder } from './catalogueRows'

type NewTraining = z.output<typeof TrainingInput>
type TrainingChanges = Partial<NewTraining>

// Field <-> column of what a clerk may type for a training created by hand.
const FIELD_COLUMNS = {
  title: 'title',
  intercarifFormationId: 'intercarif_formation_id',
  formacode: 'formacode',
  objectiveCode: 'objective_code',
  certificationKind: 'certification_kind',
  certificationCode: 'certification_code',
  certificationLevel: 'certification_level',
  actionNature: 'action_nature',
  totalHours: 'total_hours',
  objectives: 'objectives',
  content: 'content'
} as const satisfies Record<keyof NewTraining, string>

type RawTraining = Omit<TrainingRow, 'missingFromSource'> & { missingFromSource: number }
type RawDetail = RawTraining & Omit<TrainingDetail, keyof TrainingRow | 'actions'>

const ROW_COLUMNS = `
  t.id, t.intercarif_formation_id AS intercarifFormationId, t.title, t.formacode, t.objective_code AS objectiveCode,
  t.certification_kind AS certificationKind, t.certification_code AS certificationCode,
  t.certification_level AS certificationLevel, t.action_nature AS actionNature, t.total_hours AS totalHours,
  (SELECT count(*) FROM session s WHERE s.training_id = t.id) AS sessionCount,
  (SELECT min(s.start_date) FROM session s WHERE s.training_id = t.id AND s.start_date >= @today) AS nextStart,
  (SELECT s.start_precision FROM session s WHERE s.training_id = t.id AND s.start_date >= @today
    ORDER BY s.start_date, s.start_precision <> 'day' LIMIT 1) AS nextStartPrecision,
  t.source, t.missing_from_source_at IS NOT NULL AS missingFromSource, t.updated_at AS updatedAt`

const toRow = <R extends RawTraining>(r: R): Omit<R, 'missingFromSource'> & { missingFromSource: boolean } => ({
  ...r,
  missingFromSource: r.missingFromSource === 1
})

export function listTrainings(db: Db, opts: { today: string; search?: string }): TrainingRow[] {
  // The catalogue holds tens of trainings, not thousands: a fold in JS beats a search column.
  const rows = (db.prepare<unknown[], RawTraining>(`SELECT ${ROW_COLUMNS} FROM training t ORDER BY t.title COLLATE NOCASE, t.id`).all({ today: opts.today })).map(toRow)
  const terms = foldForSearch(opts.search ?? '').split(/\s+/).filter(Boolean)
  if (terms.length === 0) return rows
  return rows.filter((r) => {
    const hay = foldForSearch([r.title, r.intercarifFormationId, r.formacode, r.certificationCode].filter(Boolean).join(' '))
    return terms.every((t) => hay.includes(t))
  })
}

export function getTraining(db: Db, id: number, today: string): TrainingDetail {
  const raw = db
    .prepare<unknown[], RawDetail>(
      `SELECT ${ROW_COLUMNS}, t.formacode_version AS formacodeVersion, t.objectives, t.expected_results AS expectedResults,
              t.content, o.name AS responsibleOrgName, t.lheo_imported_at AS lheoImportedAt
       FROM training t LEFT JOIN partner_org o ON o.id = t.responsible_org_id
       WHERE t.id = @id`
    )
    .get({ id, today })
  if (!raw) throw new AppError('not_found', `La formation n° ${id} est introuvable (elle a peut-être été supprimée).`)
  return { ...toRow(raw), actions: listActions(db, id) }
}

type RawAction = Omit<TrainingAction, 'funders' | 'placeLabel' | 'entryMode'> & {
  entryMode: string | null
  fundersJson: string | null
  placeName: string | null
  placeCity: string | null
}

function listActions(db: Db, trainingId: number): TrainingAction[] {
  const actions = db
    .prepare<unknown[], RawAction>(
      `SELECT a.id, a.intercarif_action_id AS intercarifActionId, a.places, a.hours_total AS hoursTotal,
              a.hours_centre AS hoursCentre, a.hours_company AS hoursCompany, a.rhythm, a.entry_mode AS entryMode,
              a.price_total_cents AS priceTotalCents, a.price_hourly_cents AS priceHourlyCents, a.funders_json AS fundersJson,
              coalesce(o.name, a.trainers) AS trainerName, p.name AS placeName, p.city AS placeCity
       FROM training_action a
       LEFT JOIN partner_org o ON o.id = a.trainer_org_id
       LEFT JOIN place p ON p.id = a.place_id
       WHERE a.training_id = ?
       ORDER BY a.intercarif_action_id, a.id`
    )
    .all(trainingId)
  if (actions.length === 0) return []
  // Funders declared on the sessions complete those of the action (LHEO puts them on either).
  const sessionFunders = db
    .prepare<unknown[], Funder & { actionId: number }>(
      `SELECT DISTINCT s.action_id AS actionId, f.funder_code AS code, f.label
       FROM session s JOIN session_funder f ON f.session_id = s.id
       WHERE s.training_id = ? AND s.action_id IS NOT NULL
       ORDER BY f.funder_code`
    )
    .all(trainingId)
  return actions.map(({ fundersJson, placeName, placeCity, entryMode, ...a }) => {
    const funders = parseFunders(fundersJson)
    for (const f of sessionFunders) {
      if (f.actionId === a.id && !funders.some((g) => g.code === f.code)) funders.push({ code: f.code, label: f.label })
    }
    return { ...a, entryMode: entryMode as EntryMode | null, funders, placeLabel: placeLabel(placeName, placeCity) }
  })
}

export function createTraining(ctx: ServiceContext, input: NewTraining, today: string): TrainingDetail {
  return ctx.db.transaction(() => {
    assertFormationIdFree(ctx.db, input.intercarifFormationId, null)
    const now = nowIso(ctx.clock)
    const { columns, params } = insertLists(FIELD_COLUMNS)
    const info = ctx.db
      .prepare(`INSERT INTO training (${columns}, source, created_at, updated_at) VALUES (${params}, 'local', @now, @now)`)
      .run({ ...bindColumns(FIELD_COLUMNS, input), now })
    const created = getTraining(ctx.db, Number(info.lastInsertRowid), today)
    recordAudit(ctx, { operation: 'trainings.create', entity: 'training', entityId: created.id, after: created })
    return created
  })()
}

export function updateTraining(ctx: ServiceContext, id: number, changes: TrainingChanges, today: string): TrainingDetail {
  return ctx.db.transaction(() => {
    const before = getTraining(ctx.db, id, today)
    const changed = (Object.keys(changes) as (keyof NewTraining)[]).filter((k) => changes[k] !== undefined && changes[k] !== before[k])
    if (changed.length === 0) return before
    if (before.source === 'lheo') {
      throw new AppError(
        'refused',
        `« ${before.title} » vient du catalogue de la CARIF-OREF (import LHEO) : sa description se corrige à la CARIF-OREF, ` +
          'puis par un nouvel import du fichier LHEO. Les données locales (sessions, inscriptions, assiduité) sont conservées à l’import.'
      )
    }
    const merged: NewTraining = { ...pick(before), ...definedOnly(changes) }
    assertFormationIdFree(ctx.db, merged.intercarifFormationId, id)
    ctx.db.prepare(`UPDATE training SET ${updateSets(FIELD_COLUMNS)}, updated_at = @now WHERE id = @id`).run({ ...bindColumns(FIELD_COLUMNS, merged), now: nowIso(ctx.clock), id })
    const after = getTraining(ctx.db, id, today)
    recordAudit(ctx, { operation: 'trainings.update', entity: 'training', entityId: id, before, after })
    return after
  })()
}

function assertFormationIdFree(db: Db, formationId: string | null, selfId: number | null): void {
  if (!formationId) return
  const other = db.prepare<unknown[], | { id: number; title: string }>('SELECT id, title FROM training WHERE intercarif_formation_id = ? AND id IS NOT ?').get(formationId, selfId)
  if (other) {
    const message = `Le numéro de formation InterCarif ${formationId} est déjà celui de « ${other.title} » (formation n° ${other.id}).`
    throw new AppError('conflict', message, [{ path: 'intercarifFormationId', message }])
  }
}

function pick(t: TrainingDetail): NewTraining {
  return Object.fromEntries((Object.keys(FIELD_COLUMNS) as (keyof NewTraining)[]).map((f) => [f, t[f]])) as NewTraining
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
