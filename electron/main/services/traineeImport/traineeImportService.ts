import {
  IMPORTABLE_FIELDS,
  type ImportableField,
  type ImportRowOutcome,
  type TraineeImportPreview
} from '@shared/api/areas/traineeImport'
import type { Trainee } from '@shared/api/areas/trainees'
import { AppError } from '@shared/api/result'
import { formatDateFr, todayIso } from '@shared/domain/dates'
import { PRESCRIBERS, type Prescriber } from '@shared/domain/trainee'
import { capitaliseFirstName, foldForSearch, upperName } from '@shared/domain/text'
import type { Db } from '../../db/open'
import { readTraineeFile, type NewTrainee, type TraineeFile } from '../../import/trainees'
import { recordAudit } from '../audit/recordAudit'
import type { Clock, ServiceContext } from '../context'
import { createTrainee, getTrainee, updateTrainee } from '../trainees/traineeService'

export type MergeMode = 'fill_empty' | 'overwrite' | 'skip'

export type TraineeImportRequest = {
  fileName: string
  bytes: Uint8Array
  mapping?: readonly (ImportableField | null)[] | undefined
  merge: MergeMode
}

type Write = { kind: 'create'; data: NewTrainee } | { kind: 'update'; id: number; changes: Partial<NewTrainee> }

type Planned = { outcome: ImportRowOutcome; write: Write | null }

type Known = { id: number; ftId: string | null; lastName: string; firstName: string; birthDate: string | null }

const at = (line: number, message: string): string => `ligne ${line} : ${message}`

const personKey = (lastName: string, firstName: string, birthDate: string): string =>
  `${foldForSearch(upperName(lastName))}|${foldForSearch(capitaliseFirstName(firstName))}|${birthDate}`

/** Values as the trainee service stores them, so that case alone never counts as a change. */
function stored(field: ImportableField, value: NewTrainee[ImportableField]): string | null {
  if (value == null) return null
  if (field === 'lastName') return upperName(value)
  if (field === 'firstName') return capitaliseFirstName(value)
  return value
}

function shown(field: ImportableField, value: string | null): string {
  if (value == null || value === '') return '(vide)'
  if (field === 'birthDate') return formatDateFr(value)
  if (field === 'prescriber') return PRESCRIBERS[value as Prescriber] ?? value
  return value
}

/** What merging a row into an existing trainee changes, and what it leaves as it is. */
function mergeChanges(existing: Trainee, data: NewTrainee, provided: readonly ImportableField[], mode: 'fill_empty' | 'overwrite', line: number) {
  const changes: Partial<Record<ImportableField, string>> = {}
  const messages: string[] = []
  const sameName =
    foldForSearch(upperName(data.lastName)) === foldForSearch(existing.lastName) &&
    foldForSearch(capitaliseFirstName(data.firstName)) === foldForSearch(existing.firstName)
  if (!sameName) {
    messages.push(
      at(
        line,
        `Le fichier indique ${upperName(data.lastName)} ${capitaliseFirstName(data.firstName)} pour l'identifiant ${existing.ftId ?? ''}, ` +
          `la fiche n° ${existing.id} est au nom de ${existing.lastName} ${existing.firstName} : vérifiez qu'il s'agit de la même personne.`
      )
    )
  }
  for (const field of provided) {
    const incoming = stored(field, data[field])
    const current = existing[field]
    if (incoming == null || incoming === current) continue
    const label = IMPORTABLE_FIELDS[field]
    if (current == null || current === '') {
      changes[field] = incoming
      messages.push(at(line, `${label} : ${shown(field, current)} → ${shown(field, incoming)}.`))
    } else if (mode === 'overwrite') {
      changes[field] = incoming
      messages.push(at(line, `${label} : ${shown(field, current)} → ${shown(field, incoming)}.`))
    } else if (sameName || (field !== 'lastName' && field !== 'firstName')) {
      messages.push(at(line, `« ${label} » différent dans le fichier (${shown(field, incoming)}) : valeur de la fiche conservée (${shown(field, current)}).`))
    }
  }
  return { changes: changes as Partial<NewTrainee>, messages }
}

/** Trainees already in the database, by France Travail id and by name + birth date. */
function loadKnown(db: Db): { byFtId: Map<string, Known>; byPerson: Map<string, Known> } {
  const rows = db
    .prepare<unknown[], Known>(
      `SELECT id, ft_id AS ftId, last_name AS lastName, first_name AS firstName, birth_date AS birthDate
       FROM trainee WHERE anonymised_at IS NULL`
    )
    .all()
  const byFtId = new Map<string, Known>()
  const byPerson = new Map<string, Known>()
  for (const k of rows) {
    if (k.ftId) byFtId.set(k.ftId, k)
    if (k.birthDate) {
      const key = personKey(k.lastName, k.firstName, k.birthDate)
      if (!byPerson.has(key)) byPerson.set(key, k)
    }
  }
  return { byFtId, byPerson }
}

/** Compares the file with the database: what each row would do. Reads only. */
export function planImport(db: Db, file: TraineeFile, merge: MergeMode): Planned[] {
  const known = loadKnown(db)
  const firstLineByFtId = new Map<string, number>()
  const firstLineByPerson = new Map<string, number>()
  const planned: Planned[] = []
  for (const r of file.readings) {
    if (r.kind === 'invalid') {
      planned.push({
        outcome: { line: r.line, action: 'invalid', name: r.name, ftId: r.ftId, traineeId: null, messages: r.messages.map((m) => at(r.line, m)) },
        write: null
      })
      continue
    }
    const { data, line } = r
    const ftId = data.ftId ?? null
    const messages = r.warnings.map((m) => at(line, m))
    const outcome: ImportRowOutcome = { line, action: 'create', name: r.name, ftId, traineeId: null, messages }

    if (ftId) {
      const first = firstLineByFtId.get(ftId)
      if (first !== undefined) {
        outcome.action = 'duplicate_in_file'
        messages.push(at(line, `même identifiant France Travail (${ftId}) que la ligne ${first} : ligne ignorée.`))
        planned.push({ outcome, write: null })
        continue
      }
      firstLineByFtId.set(ftId, line)
      const existing = known.byFtId.get(ftId)
      if (existing) {
        outcome.traineeId = existing.id
        if (merge === 'skip') {
          outcome.action = 'unchanged'
          messages.push(at(line, `personne déjà enregistrée (fiche n° ${existing.id}) : fiche laissée telle quelle.`))
          planned.push({ outcome, write: null })
          continue
        }
        const diff = mergeChanges(getTrainee(db, existing.id), data, r.provided, merge, line)
        messages.push(...diff.messages)
        const changed = Object.keys(diff.changes).length > 0
        outcome.action = changed ? 'merge' : 'unchanged'
        planned.push({ outcome, write: changed ? { kind: 'update', id: existing.id, changes: diff.changes } : null })
        continue
      }
    }

    if (data.birthDate) {
      const key = personKey(data.lastName, data.firstName, data.birthDate)
      const twin = known.byPerson.get(key)
      const born = formatDateFr(data.birthDate)
      if (twin) {
        messages.push(
          at(
            line,
            `doublon possible : ${twin.lastName} ${twin.firstName}, né(e) le ${born}, existe déjà (fiche n° ${twin.id}${twin.ftId ? `, identifiant ${twin.ftId}` : ''}).`
          )
        )
      }
      const sameInFile = firstLineByPerson.get(key)
      if (sameInFile !== undefined) {
        messages.push(at(line, `doublon possible : même nom et même date de naissance que la ligne ${sameInFile}.`))
      } else {
        firstLineByPerson.set(key, line)
      }
    }
    planned.push({ outcome, write: { kind: 'create', data } })
  }
  return planned
}

function countOutcomes(rows: readonly ImportRowOutcome[]): TraineeImportPreview['counts'] {
  const counts = { create: 0, merge: 0, unchanged: 0, invalid: 0, duplicate_in_file: 0 }
  for (const r of rows) counts[r.action]++
  return counts
}

function toPreview(fileName: string, file: TraineeFile, rows: ImportRowOutcome[], applied: boolean): TraineeImportPreview {
  return {
    fileName,
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    sheet: file.sheet,
    headerLine: file.headerLine,
    headers: file.headers,
    mapping: file.mapping,
    sample: file.sample,
    rows,
    counts: countOutcomes(rows),
    warnings: file.warnings,
    applied
  }
}

async function read(request: TraineeImportRequest, clock: Clock): Promise<TraineeFile> {
  return readTraineeFile(request.bytes, { mapping: request.mapping, today: todayIso(clock.now()) })
}

/** What importing the file would do. Writes nothing. */
export async function previewTraineeImport(db: Db, clock: Clock, request: TraineeImportRequest): Promise<TraineeImportPreview> {
  const file = await read(request, clock)
  const planned = planImport(db, file, request.merge)
  return toPreview(request.fileName, file, planned.map((p) => p.outcome), false)
}

/**
 * Reads the file again (the renderer sends it again: no state kept between the two calls),
 * compares it with the database as it is now and writes the create and merge rows in one
 * transaction, through the trainee service so that names are normalised and every write is
 * audited as if typed in the form. A row the service still refuses is reported invalid.
 */
export async function applyTraineeImport(ctx: ServiceContext, request: TraineeImportRequest): Promise<TraineeImportPreview> {
  const file = await read(request, ctx.clock)
  const missing = (['lastName', 'firstName'] as const).filter((f) => !file.mapping.includes(f))
  if (missing.length > 0) {
    throw new AppError(
      'refused',
      `Aucune colonne ${missing.map((f) => `« ${IMPORTABLE_FIELDS[f]} »`).join(' ni ')} : indiquez quelle colonne la contient avant d'importer. Rien n'a été enregistré.`
    )
  }
  const rows = ctx.db.transaction(() => {
    const planned = planImport(ctx.db, file, request.merge)
    let created = 0
    let merged = 0
    for (const { outcome, write } of planned) {
      if (!write) continue
      try {
        if (write.kind === 'create') {
          outcome.traineeId = createTrainee(ctx, write.data).id
          created++
        } else {
          updateTrainee(ctx, write.id, write.changes)
          merged++
        }
      } catch (e) {
        // The service's own checks (its savepoint is rolled back): the row is reported, the rest goes on.
        if (!(e instanceof AppError)) throw e
        outcome.action = 'invalid'
        outcome.messages.push(at(outcome.line, e.message))
      }
    }
    if (created + merged > 0) {
      recordAudit(ctx, {
        operation: 'traineeImport.apply',
        entity: 'trainee',
        entityId: null,
        after: { fileName: request.fileName, format: file.format, merge: request.merge, created, merged }
      })
    }
    return planned.map((p) => p.outcome)
  })()
  return toPreview(request.fileName, file, rows, true)
}
