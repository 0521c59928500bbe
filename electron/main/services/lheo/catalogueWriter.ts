import type { ImportCounts } from '@shared/api/areas/lheo'
import type { Db } from '../../db/open'
import { oneRow } from '../../db/oneRow'
import type { LheoAction, LheoDate, LheoFormation, LheoOrg, LheoPlace, LheoSession } from '../../import/lheo'
import { SESSION_FUNDER_CODES } from '@shared/domain/aifQuoteFunding'

/** Funders a clerk sets on a session (with their teaching cost): never touched by a re-import. */
const LOCAL_FUNDER_CODES: ReadonlySet<string> = new Set(SESSION_FUNDER_CODES)
const LOCAL_FUNDER_JSON = JSON.stringify(SESSION_FUNDER_CODES)

type Row = Record<string, string | number | null>
type TrainingFound = Row & { id: number; source: string; missing_from_source_at: string | null }
type Found = Row & { id: number; missing_from_source_at: string | null }

export type WriteCounters = {
  formations: ImportCounts
  actions: ImportCounts
  sessions: ImportCounts
  warnings: string[]
}

/**
 * Writes one formation of a catalogue file: catalogue fields are updated in place, keyed by the
 * InterCarif numbers; local data (recruitment events, enrolments, attendance, the local fields of
 * a session) is never touched, and nothing is ever deleted.
 */
export class CatalogueWriter {
  private readonly st: ReturnType<typeof statements>
  // A catalogue names the same organisations and places over and over: look each up once.
  private readonly orgIds = new Map<string, number | null>()
  private readonly placeIds = new Map<string, number | null>()

  constructor(
    private readonly db: Db,
    private readonly now: string,
    readonly counters: WriteCounters
  ) {
    this.st = statements(db)
    db.exec('DELETE FROM temp.lheo_seen_training; DELETE FROM temp.lheo_seen_session; DELETE FROM temp.lheo_seen_action;')
  }

  /**
   * The "seen" sets live in temp tables of the connection. Created outside any transaction: a
   * dry run rolls its transaction back, and the cached statements must keep their tables.
   */
  static prepareConnection(db: Db): void {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS lheo_seen_training (id INTEGER PRIMARY KEY);
             CREATE TEMP TABLE IF NOT EXISTS lheo_seen_session (id INTEGER PRIMARY KEY);
             CREATE TEMP TABLE IF NOT EXISTS lheo_seen_action (id INTEGER PRIMARY KEY);`)
  }

  write(f: LheoFormation): void {
    const trainingId = this.upsertTraining(f)
    this.st.seenTraining.run(trainingId)
    for (const a of f.actions) {
      const placeId = this.place(a.place)
      const { id: actionId, created } = this.upsertAction(trainingId, a, placeId)
      this.st.seenAction.run(actionId)
      const funders = fundersKey(a.funders)
      // A session of an action created just now cannot be in the database yet, unless the file
      // lists it twice: only those are looked up.
      const fresh = created ? new Set<string>() : null
      for (const s of a.sessions) this.st.seenSession.run(this.upsertSession(trainingId, actionId, a, s, placeId, funders, fresh))
    }
  }

  /**
   * Sessions (and actions) of the formations in this file that the file no longer lists are
   * flagged, never deleted: enrolments and attendance may hang on them. Returns how many are missing.
   */
  /** The LHEO version is known once the whole file has been read: stamped on its formations at the end. */
  stampVersion(version: string): void {
    this.db.prepare('UPDATE training SET lheo_version = ? WHERE id IN (SELECT id FROM temp.lheo_seen_training) AND lheo_version IS NOT ?').run(version, version)
  }

  flagMissing(): number {
    const scope = `source = 'lheo' AND training_id IN (SELECT id FROM temp.lheo_seen_training)`
    this.db.prepare(`UPDATE session SET missing_from_source_at = ? WHERE ${scope} AND id NOT IN (SELECT id FROM temp.lheo_seen_session) AND missing_from_source_at IS NULL`).run(this.now)
    this.db
      .prepare(`UPDATE training_action SET missing_from_source_at = ? WHERE training_id IN (SELECT id FROM temp.lheo_seen_training) AND id NOT IN (SELECT id FROM temp.lheo_seen_action) AND intercarif_action_id IS NOT NULL AND missing_from_source_at IS NULL`)
      .run(this.now)
    return oneRow(this.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM session WHERE ${scope} AND missing_from_source_at IS NOT NULL`)).n
  }

  private upsertTraining(f: LheoFormation): number {
    const values: Row = {
      title: f.title.slice(0, 255),
      formacode: f.formacode && /^\d{5}$/.test(f.formacode) ? f.formacode : null,
      formacode_version: f.formacodeVersion,
      secondary_formacodes: f.secondaryFormacodes.length ? f.secondaryFormacodes.join(', ') : null,
      nsf_code: f.nsfCodes.length ? f.nsfCodes.join(', ') : null,
      rome_codes: f.romeCodes.length ? f.romeCodes.join(', ') : null,
      objective_code: f.objectiveCode,
      objectives: f.objectives,
      expected_results: f.expectedResults,
      content: f.content,
      certifying: f.certifying === null ? null : f.certifying ? 1 : 0,
      certification_kind: f.certification?.kind ?? null,
      certification_code: f.certification?.code ?? null,
      certification_level: f.certification?.level ?? null,
      total_hours: f.totalHours,
      access_level: f.accessLevel,
      responsible_org_id: this.org('responsible', f.responsibleOrg),
      lheo_extras_json: `{"url":${JSON.stringify(f.url)},"createdOn":${JSON.stringify(f.createdOn)},"updatedOn":${JSON.stringify(f.updatedOn)},"extras":${f.extras ?? '[]'}}`
    }
    if (f.formacode && values.formacode === null) this.warn(`Formation ${f.intercarifId ?? f.title} : formacode « ${f.formacode} » non conforme (5 chiffres), ignoré.`)
    const existing = f.intercarifId ? this.st.findTraining.get(f.intercarifId) : undefined
    if (!f.intercarifId) this.warn(`Formation « ${f.title} » (ligne ${f.line}) sans numéro InterCarif : créée, mais un nouvel import ne pourra pas la mettre à jour.`)
    if (!existing) {
      const id = Number(this.st.insertTraining.run({ ...values, intercarif_formation_id: f.intercarifId, now: this.now }).lastInsertRowid)
      this.counters.formations.created++
      return id
    }
    if (changed(existing, values) || existing.source !== 'lheo' || existing.missing_from_source_at !== null) {
      this.st.updateTraining.run({ ...values, id: existing.id, now: this.now })
      this.counters.formations.updated++
    } else this.counters.formations.unchanged++
    return existing.id
  }

  private upsertAction(trainingId: number, a: LheoAction, placeId: number | null): { id: number; created: boolean } {
    const values: Row = {
      training_id: trainingId,
      trainer_org_id: this.org('trainer', a.trainerOrg),
      places: a.places,
      hours_total: a.hoursTotal,
      hours_centre: a.hoursCentre,
      hours_company: a.hoursCompany,
      rhythm: a.rhythm,
      entry_mode: a.entryMode,
      teaching_modality: a.teachingModality,
      admission_conditions: a.admissionConditions,
      prerequisites: a.prerequisites,
      price_total_cents: a.priceTotalCents,
      price_hourly_cents: a.priceHourlyCents,
      price_details: a.priceDetails,
      funders_json: json(a.funders.map(({ code, label, places }) => ({ code, label, places }))),
      trainers: a.trainers,
      place_id: placeId,
      registration_place_id: this.place(a.registrationPlace),
      lheo_extras_json: a.extras
    }
    const existing = a.intercarifId ? this.st.findAction.get(a.intercarifId) : undefined
    if (!existing) {
      const id = Number(this.st.insertAction.run({ ...values, intercarif_action_id: a.intercarifId, now: this.now }).lastInsertRowid)
      this.counters.actions.created++
      return { id, created: true }
    }
    if (changed(existing, values) || existing.missing_from_source_at !== null) {
      this.st.updateAction.run({ ...values, id: existing.id, now: this.now })
      this.counters.actions.updated++
    } else this.counters.actions.unchanged++
    return { id: existing.id, created: false }
  }

  private upsertSession(trainingId: number, actionId: number, a: LheoAction, s: LheoSession, placeId: number | null, funders: string, fresh: Set<string> | null): number {
    const [start, end] = this.coherentDates(s)
    const values: Row = {
      training_id: trainingId,
      start_date: start.iso,
      end_date: end.iso,
      start_precision: start.precision,
      end_precision: end.precision,
      registration_start_date: s.registrationStart?.iso ?? null,
      registration_end_date: s.registrationEnd?.iso ?? null,
      place_id: placeId,
      capacity: a.places,
      entry_mode: a.entryMode ?? 'fixed',
      hours_centre: a.hoursCentre,
      hours_company: a.hoursCompany,
      lheo_extras_json: s.extras
    }
    // The recruitment state is catalogue data when the file gives it; otherwise the local choice stays.
    if (s.recruitmentState) values.recruitment_state = s.recruitmentState
    const key = s.intercarifId !== null ? `n${s.intercarifId}` : `d${start.iso ?? ''}|${end.iso ?? ''}`
    const lookUp = fresh === null || fresh.has(key)
    fresh?.add(key)
    const existing = !lookUp
      ? undefined
      : s.intercarifId
        ? this.st.findSession.get(actionId, s.intercarifId)
        : this.st.findSessionByDates.get(actionId, start.iso, end.iso)
    if (!s.intercarifId) this.warn(`Session ligne ${s.line} sans numéro : rapprochée par ses dates.`)
    if (!existing) {
      const id = Number(
        this.st.insertSession.run({ recruitment_state: 'open', ...values, action_id: actionId, intercarif_session_id: s.intercarifId, now: this.now }).lastInsertRowid
      )
      this.insertFunders(id, a)
      this.counters.sessions.created++
      return id
    }
    const currentFunders = fundersKey(
      this.st.sessionFunders
        .all(existing.id)
        .filter((x) => !LOCAL_FUNDER_CODES.has(x.funder_code))
        .map((x) => ({ code: x.funder_code, label: x.label }))
    )
    if (changed(existing, values) || currentFunders !== funders || existing.missing_from_source_at !== null) {
      const sets = Object.keys(values).map((k) => `${k} = @${k}`).join(', ')
      this.db.prepare(`UPDATE session SET ${sets}, source = 'lheo', missing_from_source_at = NULL, updated_at = @now WHERE id = @id`).run({ ...values, id: existing.id, now: this.now })
      this.st.deleteFunders.run(existing.id, LOCAL_FUNDER_JSON)
      this.insertFunders(existing.id, a)
      this.counters.sessions.updated++
    } else this.counters.sessions.unchanged++
    return existing.id
  }

  private coherentDates(s: LheoSession): [LheoDate, LheoDate] {
    if (s.start.iso && s.end.iso && s.end.iso < s.start.iso) {
      this.warn(`Session ${s.intercarifId ?? `ligne ${s.line}`} : la fin (${s.end.raw}) précède le début (${s.start.raw}) ; fin ignorée.`)
      return [s.start, { iso: null, precision: 'unknown', raw: s.end.raw }]
    }
    return [s.start, s.end]
  }

  private insertFunders(sessionId: number, a: LheoAction): void {
    const seen = new Set<string>()
    for (const f of a.funders) {
      if (seen.has(f.code)) continue
      seen.add(f.code)
      this.st.insertFunder.run(sessionId, f.code, f.label)
    }
  }

  private org(kind: 'responsible' | 'trainer', o: LheoOrg | null): number | null {
    if (!o || (!o.name && !o.intercarifId && !o.siret)) return null
    const key = `${kind}\u0000${JSON.stringify(o)}`
    const cached = this.orgIds.get(key)
    if (cached !== undefined) return cached
    const id = this.saveOrg(kind, o)
    this.orgIds.set(key, id)
    return id
  }

  private saveOrg(kind: 'responsible' | 'trainer', o: LheoOrg): number {
    const found = o.intercarifId ? this.st.findOrgById.get(kind, o.intercarifId) : this.st.findOrgByName.get(kind, o.siret, o.name)
    const values = { kind, name: o.name ?? o.intercarifId ?? o.siret ?? '', siret: o.siret, intercarif_org_id: o.intercarifId, nda: o.nda, address_line1: o.addressLine1, postal_code: o.postalCode, city: o.city, phone: o.phone, email: o.email, now: this.now }
    if (found) {
      this.st.updateOrg.run({ ...values, id: found.id })
      return found.id
    }
    return Number(this.st.insertOrg.run(values).lastInsertRowid)
  }

  private place(p: LheoPlace | null): number | null {
    if (!p) return null
    const key = JSON.stringify(p)
    const cached = this.placeIds.get(key)
    if (cached !== undefined) return cached
    const id = this.savePlace(p)
    this.placeIds.set(key, id)
    return id
  }

  private savePlace(p: LheoPlace): number | null {
    const name = p.name ?? p.city ?? p.addressLine1
    if (!name) return null
    const found = this.st.findPlace.get(name, p.addressLine1, p.postalCode, p.city)
    if (found) return found.id
    return Number(
      this.st.insertPlace.run({
        name,
        address_line1: p.addressLine1,
        address_line2: p.addressLine2,
        postal_code: p.postalCode,
        city: p.city,
        insee_code: p.inseeCode,
        region_code: p.regionCode,
        latitude: p.latitude,
        longitude: p.longitude,
        now: this.now
      }).lastInsertRowid
    )
  }

  private warn(message: string): void {
    if (this.counters.warnings.length < 1000) this.counters.warnings.push(message)
  }
}

/** Funders as a comparable key: code and label, sorted. */
function fundersKey(funders: readonly { code: string; label: string | null }[]): string {
  const seen = new Set<string>()
  return funders
    .filter((x) => !seen.has(x.code) && seen.add(x.code))
    .map((x) => `${x.code}\u0000${x.label ?? ''}`)
    .sort()
    .join('\u0001')
}

function json(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (Array.isArray(value) && value.length === 0) return null
  return JSON.stringify(value)
}

function changed(existing: Row, values: Row): boolean {
  for (const [k, v] of Object.entries(values)) {
    if ((existing[k] ?? null) !== (v ?? null)) return true
  }
  return false
}

const TRAINING_COLUMNS = ['title', 'formacode', 'formacode_version', 'secondary_formacodes', 'nsf_code', 'rome_codes', 'objective_code', 'objectives', 'expected_results', 'content', 'certifying', 'certification_kind', 'certification_code', 'certification_level', 'total_hours', 'access_level', 'responsible_org_id', 'lheo_extras_json']
const ACTION_COLUMNS = ['training_id', 'trainer_org_id', 'places', 'hours_total', 'hours_centre', 'hours_company', 'rhythm', 'entry_mode', 'teaching_modality', 'admission_conditions', 'prerequisites', 'price_total_cents', 'price_hourly_cents', 'price_details', 'funders_json', 'trainers', 'place_id', 'registration_place_id', 'lheo_extras_json']
const SESSION_COLUMNS = ['training_id', 'start_date', 'end_date', 'start_precision', 'end_precision', 'registration_start_date', 'registration_end_date', 'place_id', 'capacity', 'entry_mode', 'hours_centre', 'hours_company', 'lheo_extras_json', 'recruitment_state']

const cols = (c: string[]) => c.join(', ')
const params = (c: string[]) => c.map((x) => `@${x}`).join(', ')
const sets = (c: string[]) => c.map((x) => `${x} = @${x}`).join(', ')

const cache = new WeakMap<Db, ReturnType<typeof prepare>>()
function statements(db: Db): ReturnType<typeof prepare> {
  let st = cache.get(db)
  if (!st) {
    st = prepare(db)
    cache.set(db, st)
  }
  return st
}

function prepare(db: Db) {
  return {
    findTraining: db.prepare<unknown[], TrainingFound>(`SELECT id, source, missing_from_source_at, ${cols(TRAINING_COLUMNS)} FROM training WHERE intercarif_formation_id = ?`),
    insertTraining: db.prepare(
      `INSERT INTO training (intercarif_formation_id, ${cols(TRAINING_COLUMNS)}, source, lheo_imported_at, created_at, updated_at)
       VALUES (@intercarif_formation_id, ${params(TRAINING_COLUMNS)}, 'lheo', @now, @now, @now)`
    ),
    updateTraining: db.prepare(`UPDATE training SET ${sets(TRAINING_COLUMNS)}, source = 'lheo', missing_from_source_at = NULL, lheo_imported_at = @now, updated_at = @now WHERE id = @id`),
    findAction: db.prepare<unknown[], Found>(`SELECT id, missing_from_source_at, ${cols(ACTION_COLUMNS)} FROM training_action WHERE intercarif_action_id = ?`),
    insertAction: db.prepare(
      `INSERT INTO training_action (intercarif_action_id, ${cols(ACTION_COLUMNS)}, created_at, updated_at) VALUES (@intercarif_action_id, ${params(ACTION_COLUMNS)}, @now, @now)`
    ),
    updateAction: db.prepare(`UPDATE training_action SET ${sets(ACTION_COLUMNS)}, missing_from_source_at = NULL, updated_at = @now WHERE id = @id`),
    findSession: db.prepare<unknown[], Found>(`SELECT id, missing_from_source_at, ${cols(SESSION_COLUMNS)} FROM session WHERE action_id = ? AND intercarif_session_id = ?`),
    findSessionByDates: db.prepare<unknown[], Found>(
      `SELECT id, missing_from_source_at, ${cols(SESSION_COLUMNS)} FROM session WHERE action_id = ? AND intercarif_session_id IS NULL AND start_date IS ? AND end_date IS ?`
    ),
    insertSession: db.prepare(
      `INSERT INTO session (action_id, intercarif_session_id, ${cols(SESSION_COLUMNS)}, source, created_at, updated_at)
       VALUES (@action_id, @intercarif_session_id, ${params(SESSION_COLUMNS)}, 'lheo', @now, @now)`
    ),
    sessionFunders: db.prepare<[number], { funder_code: string; label: string | null }>('SELECT funder_code, label FROM session_funder WHERE session_id = ?'),
    // The catalogue's funders only: those the clerk set (named codes, with costs) are local data.
    deleteFunders: db.prepare('DELETE FROM session_funder WHERE session_id = ? AND funder_code NOT IN (SELECT value FROM json_each(?))'),
    insertFunder: db.prepare('INSERT INTO session_funder (session_id, funder_code, label) VALUES (?, ?, ?)'),
    findOrgById: db.prepare<unknown[], { id: number }>('SELECT id FROM partner_org WHERE kind = ? AND intercarif_org_id = ?'),
    findOrgByName: db.prepare<unknown[], { id: number }>('SELECT id FROM partner_org WHERE kind = ? AND siret IS ? AND name IS ? AND intercarif_org_id IS NULL'),
    insertOrg: db.prepare(
      `INSERT INTO partner_org (kind, name, siret, intercarif_org_id, nda, address_line1, postal_code, city, phone, email, created_at, updated_at)
       VALUES (@kind, @name, @siret, @intercarif_org_id, @nda, @address_line1, @postal_code, @city, @phone, @email, @now, @now)`
    ),
    updateOrg: db.prepare(
      `UPDATE partner_org SET name = @name, siret = @siret, nda = @nda, address_line1 = @address_line1, postal_code = @postal_code, city = @city, phone = @phone, email = @email, updated_at = @now
       WHERE id = @id AND (name IS NOT @name OR siret IS NOT @siret OR nda IS NOT @nda OR address_line1 IS NOT @address_line1 OR postal_code IS NOT @postal_code OR city IS NOT @city OR phone IS NOT @phone OR email IS NOT @email)`
    ),
    findPlace: db.prepare<unknown[], { id: number }>('SELECT id FROM place WHERE name = ? AND address_line1 IS ? AND postal_code IS ? AND city IS ?'),
    insertPlace: db.prepare(
      `INSERT INTO place (name, address_line1, address_line2, postal_code, city, insee_code, region_code, latitude, longitude, created_at)
       VALUES (@name, @address_line1, @address_line2, @postal_code, @city, @insee_code, @region_code, @latitude, @longitude, @now)`
    ),
    seenTraining: db.prepare('INSERT OR IGNORE INTO temp.lheo_seen_training (id) VALUES (?)'),
    seenAction: db.prepare('INSERT OR IGNORE INTO temp.lheo_seen_action (id) VALUES (?)'),
    seenSession: db.prepare('INSERT OR IGNORE INTO temp.lheo_seen_session (id) VALUES (?)')
  }
}
