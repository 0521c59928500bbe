import type { DemoSummary } from '../../../shared/api/areas/app'
import { AppError } from '../../../shared/api/result'
import { addDays, daysInMonth, formatDateFr, todayIso } from '../../../shared/domain/dates'
import type { EnrolmentStatus, Funding } from '../../../shared/domain/enrolment'
import { formatHours } from '../../../shared/domain/hours'
import { capitaliseFirstName, foldForSearch, upperName } from '../../../shared/domain/text'
import { recordAudit } from '../services/audit/recordAudit'
import type BetterSqlite3 from 'better-sqlite3'
import { nowIso, type ServiceContext } from '../services/context'
import { DemoCalendar } from './calendar'
import {
  CANCEL_REASONS,
  DROPOUT_REASONS,
  INTERRUPTION_REASONS,
  NEXT_STEPS,
  NON_RETENU_COMMENTS,
  PLACES,
  STAFF,
  TRAININGS,
  type TrainingDef
} from './catalogue'
import {
  ADVISER_EMAIL_DOMAIN,
  AGENCIES,
  CITIES,
  EMAIL_DOMAINS,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  STREETS,
  type AgencyDef,
  type Area
} from './frenchNames'
import { Rng, withLuhnKey } from './random'
import { oneRow } from '../db/oneRow'

export type DemoOptions = { trainees: number; seed?: number }

export const DEMO_REFUSED_MESSAGE =
  "La base contient déjà des données : les données de démonstration ne peuvent être ajoutées qu'à une base vide."

/** Share of the trainees who get an enrolment; the others are in the registry only. */
const ENROLLED_SHARE = 0.7
/** No session gets more enrolments than this, whatever the number of trainees. */
const MAX_ENROLMENTS_PER_SESSION = 16
/** Start offsets (days from today) of the first sessions: every phase exists even in a small demo. */
const FIXED_SESSION_OFFSETS = [-270, -200, -130, -75, -35, -6, 9, 23, 38, 75, 150]

type Day = number
type Statement = BetterSqlite3.Statement<unknown[]>
type Prescriber = 'france_travail' | 'mission_locale' | 'cap_emploi' | 'self' | 'other'

type TraineePlan = {
  id: number
  civility: 'M' | 'Mme'
  lastName: string
  firstName: string
  birthName: string | null
  birthDate: string
  ftId: string
  email: string | null
  phone: string
  addressLine1: string
  addressLine2: string | null
  postalCode: string
  city: string
  area: Area
  prescriber: Prescriber
  agency: string | null
  adviserName: string | null
  adviserEmail: string | null
  cpfCents: number | null
  notes: string | null
  createdDay: Day
}

type EventPlan = {
  id: number
  kind: 'info_session' | 'appointment' | 'application_window'
  date: Day
  endDate: Day | null
  startTime: string | null
  endTime: string | null
  capacity: number | null
  comment: string
  cancelled: boolean
  regs: number
  createdDay: Day
}

type SessionPlan = {
  id: number
  index: number
  training: TrainingDef
  trainingId: number
  actionId: number
  placeId: number
  area: Area
  start: Day
  end: Day
  capacity: number
  totalHours: number
  weekly: readonly number[]
  recruitment: 'open' | 'closed' | 'suspended'
  events: EventPlan[]
  /** The cancelled info session and the one its candidates were moved to. */
  transfer: { from: EventPlan; to: EventPlan } | null
  retenuCount: number
  /** Results entered so far, and whether one candidate was put on the waiting list. */
  results: number
  waitlisted: boolean
  /** Whether one candidate still waits for the adviser's validation, or for the request to be sent. */
  awaitingValidation: boolean
  awaitingRequest: boolean
  entered: number
  entriesPending: boolean
  createdDay: Day
  target: number
}

type StepKind = 'status' | 'entry' | 'interruption' | 'resumption' | 'exit' | 'dropout' | 'cancellation'

type StepPlan = {
  kind: StepKind
  from: EnrolmentStatus | null
  to: EnrolmentStatus | null
  date: Day
  reasonCode: string | null
  reasonLabel: string | null
  comment: string | null
  requires: boolean
  declaredOn: Day | null
}

type RegistrationPlan = {
  event: EventPlan
  presence: 'unknown' | 'present' | 'absent'
  result: 'retenu' | 'non_retenu' | 'en_attente' | null
  resultCode: 'ICR' | 'ICA' | 'ICN' | null
  resultDay: Day | null
  createdDay: Day
  transferredFrom: EventPlan | null
}

type EnrolmentPlan = {
  id: number
  trainee: TraineePlan
  session: SessionPlan
  registration: RegistrationPlan | null
  status: EnrolmentStatus
  statusSince: Day
  funding: Funding
  fundingReference: string | null
  entry: Day | null
  exit: Day | null
  exitReason: string | null
  dropoutReason: string | null
  cancelReason: string | null
  validatedBy: 'france_travail' | 'mission_locale' | 'cap_emploi' | null
  validatedOn: Day | null
  ais: 'ICR' | 'ICN' | null
  steps: StepPlan[]
  interruption: { start: Day; end: Day | null; reason: string } | null
  createdDay: Day
}

type AbsentRegistration = { event: EventPlan; trainee: TraineePlan; createdDay: Day }

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
const LETTERS = 'ABCDEFGHIJKLMNPQRSTUVWXYZ'
const NOTES = [
  'Permis B et véhiculé(e)',
  'Sans permis : vient en bus (réseau CTRL / Kicéo)',
  'Garde d’enfants : indisponible le mercredi après-midi',
  'Bénéficiaire du RSA',
  'Suivi PLIE',
  'Aménagement de poste demandé (dos)',
  'A déjà travaillé dans le métier (intérim)'
] as const

/**
 * Fills an empty database with a realistic organisation: catalogue, sessions over sixteen months
 * around today, recruitment, trainees, enrolments through every KAIROS status, attendance.
 * One transaction: either everything is there or nothing is.
 */
export function generateDemoData(ctx: ServiceContext, options: DemoOptions): DemoSummary {
  if (!Number.isInteger(options.trainees) || options.trainees < 1) {
    throw new AppError('invalid_input', 'Le nombre de stagiaires doit être un entier positif.')
  }
  return ctx.db.transaction(() => {
    const counts = oneRow(ctx.db.prepare<[], { trainees: number; trainings: number }>('SELECT (SELECT count(*) FROM trainee) AS trainees, (SELECT count(*) FROM training) AS trainings'))
    if (counts.trainees > 0 || counts.trainings > 0) throw new AppError('refused', DEMO_REFUSED_MESSAGE)
    const summary = new DemoBuilder(ctx, options.trainees, options.seed ?? 1).run()
    recordAudit(ctx, { operation: 'demo.generate', entity: 'database', entityId: null, after: summary })
    return summary
  })()
}

class DemoBuilder {
  private readonly rng: Rng
  private readonly cal: DemoCalendar
  private readonly now: string
  private readonly clerk: string
  private readonly year: number
  private readonly summary: DemoSummary = {
    trainings: 0,
    sessions: 0,
    recruitmentEvents: 0,
    trainees: 0,
    enrolments: 0,
    attendanceDays: 0
  }
  private trainingIds: number[] = []
  private actionIds = new Map<string, number>()
  private placeIds = new Map<Area, number>()
  private advisers = new Map<string, { name: string; email: string }[]>()
  private dropoutSeen = false

  constructor(
    private readonly ctx: ServiceContext,
    private readonly traineeCount: number,
    seed: number
  ) {
    this.rng = new Rng(seed)
    this.cal = new DemoCalendar(todayIso(ctx.clock.now()))
    this.now = nowIso(ctx.clock)
    this.clerk = ctx.actor.name
    this.year = Number(this.cal.today.slice(0, 4))
  }

  run(): DemoSummary {
    this.organisation()
    this.partners()
    this.places()
    this.catalogue()
    const trainees = this.planTrainees()
    const order = this.rng.shuffle(trainees.map((_, i) => i))
    const enrolledCount = Math.round(trainees.length * ENROLLED_SHARE)
    const pools = new Map<Area, TraineePlan[]>([
      ['lorient', []],
      ['vannes', []],
      ['pontivy', []]
    ])
    for (const i of order.slice(0, enrolledCount)) {
      const t = trainees[i] as TraineePlan
      pools.get(t.area)?.push(t)
    }
    const notEnrolled = order.slice(enrolledCount).map((i) => trainees[i] as TraineePlan)

    const sessions = this.planSessions(enrolledCount)
    const enrolments: EnrolmentPlan[] = []
    for (const s of sessions) {
      for (let k = 0; k < s.target; k++) {
        const trainee = this.takeTrainee(pools, s.area)
        if (!trainee) break
        enrolments.push(this.planEnrolment(s, trainee))
      }
    }
    const absents = this.planAbsentRegistrations(sessions, notEnrolled)
    this.planInterruptions(enrolments)
    this.leaveDeclarationsToDo(enrolments)
    const quotes = this.planQuotes(enrolments)

    this.insertSessions(sessions)
    this.insertTrainees(trainees)
    this.insertEnrolments(enrolments, absents)
    this.insertQuotes(quotes)
    return this.summary
  }

  // ---------------------------------------------------------------- helpers

  /** An office-hours instant of day d, never after now. */
  private instant(d: Day): string {
    if (d >= 0) return this.now
    return this.cal.instant(d, this.rng.int(7, 15), this.rng.int(0, 59), this.rng.int(0, 59))
  }

  private iso(d: Day): string {
    return this.cal.iso(d)
  }

  private workday(s: SessionPlan, d: Day): boolean {
    const dow = this.cal.dow(d)
    return (s.weekly[dow - 1] ?? 0) > 0 && !this.cal.isClosed(d)
  }

  private nextWorkday(s: SessionPlan, d: Day): Day {
    let x = d
    for (let guard = 0; guard < 60 && !this.workday(s, x); guard++) x++
    return x
  }

  private previousWorkday(s: SessionPlan, d: Day, floor: Day): Day {
    let x = d
    while (x > floor && !this.workday(s, x)) x--
    return x
  }

  /** When an event that must be declared was entered in KAIROS: recent ones are often not yet. */
  private declaration(date: Day): Day | null {
    if (date >= -6) return this.rng.chance(0.5) ? null : Math.min(0, date + this.rng.int(0, 2))
    if (this.rng.chance(0.006)) return null
    return date + this.rng.weighted([
      [0, 50],
      [1, 30],
      [2, 12],
      [3, 8]
    ])
  }

  // ---------------------------------------------------------------- organisation and catalogue

  private organisation(): void {
    const siren = withLuhnKey('84327159')
    const siret = withLuhnKey(`${siren}0002`)
    this.ctx.db
      .prepare(
        `UPDATE organisation SET raison_sociale = ?, siret = ?, nda = ?, legal_form = ?, address_line1 = ?, address_line2 = ?,
           postal_code = ?, city = ?, phone = ?, email = ?, website = ?, region_code = ?, qualiopi_number = ?,
           qualiopi_valid_until = ?, signatory_name = ?, signatory_title = ?, updated_at = ?
         WHERE id = 1`
      )
      .run(
        'Atelier Formation Bretagne Sud',
        siret,
        '53560912356',
        'SAS',
        '27 boulevard Cosmao Dumanoir',
        'Bâtiment B – 2e étage',
        '56100',
        'Lorient',
        '02 61 91 24 50',
        'contact@afbs-formation.example',
        'https://www.afbs-formation.example',
        '53',
        'FR071923-1',
        addDays(this.cal.today, 412),
        'Morgane Le Bihan',
        'Directrice',
        this.now
      )
  }

  private partners(): void {
    const insert = this.ctx.db.prepare(
      `INSERT INTO partner_org (kind, name, address_line1, postal_code, city, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
    )
    insert.run('funder', 'Région Bretagne – Direction de l’emploi et de la formation tout au long de la vie', '283 avenue du Général Patton', '35700', 'Rennes', this.now, this.now)
    insert.run('funder', 'France Travail – Direction régionale Bretagne', null, '35000', 'Rennes', this.now, this.now)
    insert.run('funder', 'AGEFIPH Bretagne', null, '35000', 'Rennes', this.now, this.now)
    for (const a of AGENCIES) insert.run('prescriber', a.name, null, null, null, this.now, this.now)
  }

  private places(): void {
    const insert = this.ctx.db.prepare(
      `INSERT INTO place (name, address_line1, address_line2, postal_code, city, insee_code, region_code, latitude, longitude, accessible, created_at)
       VALUES (?, ?, ?, ?, ?, ?, '53', ?, ?, 1, ?)`
    )
    for (const p of PLACES) {
      const info = insert.run(p.name, p.addressLine1, p.addressLine2, p.postalCode, p.city, p.inseeCode, p.latitude, p.longitude, this.instant(-900))
      this.placeIds.set(p.key, Number(info.lastInsertRowid))
    }
  }

  private catalogue(): void {
    const insertTraining = this.ctx.db.prepare(
      `INSERT INTO training (intercarif_formation_id, title, formacode, formacode_version, nsf_code, rome_codes, objective_code,
         objectives, expected_results, content, certifying, certification_kind, certification_code, certification_level,
         total_hours, access_level, source, created_at, updated_at)
       VALUES (?, ?, ?, 'V14', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'local', ?, ?)`
    )
    const insertAction = this.ctx.db.prepare(
      `INSERT INTO training_action (training_id, intercarif_action_id, places, hours_total, hours_centre, hours_company, rhythm,
         entry_mode, teaching_modality, admission_conditions, prerequisites, price_total_cents, price_hourly_cents, price_details,
         funders_json, trainers, place_id, registration_place_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Présentiel', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    let actionNumber = 0
    TRAININGS.forEach((t, i) => {
      const created = this.instant(-this.rng.int(700, 900))
      const total = t.hoursCentre + t.hoursCompany
      const info = insertTraining.run(
        `53_${1262663 + i * 1379}`,
        t.title,
        t.formacode,
        t.nsfCode,
        t.romeCodes || null,
        t.objectiveCode,
        t.objectives,
        t.expectedResults,
        t.content,
        t.certifying ? 1 : 0,
        t.certificationKind,
        t.certificationCode,
        t.certificationLevel,
        total,
        t.accessLevel,
        created,
        created
      )
      const trainingId = Number(info.lastInsertRowid)
      this.trainingIds.push(trainingId)
      this.summary.trainings++
      const weeklyTotal = t.weeklyHours.reduce((a, b) => a + b, 0)
      for (const area of t.places) {
        const placeId = this.placeIds.get(area) ?? null
        const a = insertAction.run(
          trainingId,
          `53_${1330305 + actionNumber++ * 6151}`,
          14,
          total,
          t.hoursCentre,
          t.hoursCompany,
          `${weeklyTotal >= 30 ? 'Temps plein' : 'Temps partiel'}, ${formatHours(weeklyTotal)} h par semaine`,
          t.entryMode,
          'Information collective, tests de positionnement et entretien individuel',
          t.accessLevel,
          Math.round(total * t.hourlyPriceCents),
          t.hourlyPriceCents,
          'Coût pris en charge par le financeur ; aucun reste à charge pour le stagiaire demandeur d’emploi',
          JSON.stringify(t.funders.map(([code, label]) => ({ code, label }))),
          t.trainers.join(', '),
          placeId,
          placeId,
          created,
          created
        )
        this.actionIds.set(`${i}:${area}`, Number(a.lastInsertRowid))
      }
    })
  }

  // ---------------------------------------------------------------- trainees

  private adviserFor(agency: AgencyDef): { name: string; email: string } {
    let list = this.advisers.get(agency.name)
    if (!list) {
      list = []
      for (let k = 0; k < 4; k++) {
        const female = this.rng.chance(0.7)
        const first = this.rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)
        const last = this.rng.pick(LAST_NAMES)
        list.push({
          name: `${first} ${last}`,
          email: `${emailPart(first)}.${emailPart(last)}@${ADVISER_EMAIL_DOMAIN[agency.prescriber]}`
        })
      }
      this.advisers.set(agency.name, list)
    }
    return this.rng.pick(list)
  }

  private planTrainees(): TraineePlan[] {
    const rng = this.rng
    const usedIds = new Set<string>()
    const cityChoices = CITIES.map((c) => [c, c.weight] as const)
    const trainees: TraineePlan[] = []
    for (let i = 0; i < this.traineeCount; i++) {
      const female = rng.chance(0.52)
      const firstRaw = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)
      const lastRaw = rng.pick(LAST_NAMES)
      const ageDays = Math.round((rng.int(18 * 366, 60 * 365) + rng.int(18 * 366, 60 * 365)) / 2)
      const birthDate = addDays(this.cal.today, -ageDays)
      const age = ageDays / 365.25
      const city = rng.weighted(cityChoices)

      let prescriber: Prescriber
      if (age < 26) prescriber = rng.weighted<Prescriber>([['france_travail', 50], ['mission_locale', 45], ['self', 5]])
      else prescriber = rng.weighted<Prescriber>([['france_travail', 86], ['cap_emploi', 7], ['self', 5], ['other', 2]])
      const agencyKind = prescriber === 'mission_locale' || prescriber === 'cap_emploi' ? prescriber : 'france_travail'
      const candidates = AGENCIES.filter((a) => a.prescriber === agencyKind && (a.area === city.area || a.area === 'all'))
      const agency = rng.pick(candidates.length > 0 ? candidates : AGENCIES)
      const adviser = this.adviserFor(agency)

      let ftId: string
      do ftId = `${rng.digits(7)}${LETTERS[rng.int(0, LETTERS.length - 1)]}`
      while (usedIds.has(ftId))
      usedIds.add(ftId)

      const lastName = upperName(lastRaw)
      const firstName = capitaliseFirstName(firstRaw)
      let email: string | null = null
      if (rng.chance(0.93)) {
        const domain = rng.pick(EMAIL_DOMAINS)
        const f = emailPart(firstRaw)
        const l = emailPart(lastRaw)
        const pattern = rng.int(0, 3)
        const local =
          pattern === 0 ? `${f}.${l}` : pattern === 1 ? `${f}.${l}${rng.int(10, 99)}` : pattern === 2 ? `${f.charAt(0)}${l}${rng.int(1, 9)}` : `${l}.${f}`
        email = `${local}@${domain}`
      }
      const married = female && age > 28 && rng.chance(0.12)
      trainees.push({
        id: 0,
        civility: female ? 'Mme' : 'M',
        lastName,
        firstName,
        birthName: married ? upperName(rng.pick(LAST_NAMES)) : null,
        birthDate,
        ftId,
        email,
        // 06 39 98 xx xx is a range reserved for fiction: no real person is ever called.
        phone: `06 39 98 ${rng.digits(2)} ${rng.digits(2)}`,
        addressLine1: `${rng.int(1, 140)}${rng.chance(0.06) ? ' bis' : ''} ${rng.pick(STREETS)}`,
        addressLine2: rng.chance(0.15) ? `Appartement ${rng.int(1, 48)}, bâtiment ${rng.pick(['A', 'B', 'C', 'D'])}` : null,
        postalCode: city.postalCode,
        city: city.city,
        area: city.area,
        prescriber,
        agency: prescriber === 'self' ? null : agency.name,
        adviserName: adviser.name,
        adviserEmail: adviser.email,
        cpfCents: rng.chance(0.4) ? rng.int(0, 320) * 1000 : null,
        notes: rng.chance(0.12) ? rng.pick(NOTES) : null,
        createdDay: -rng.int(1, 400)
      })
    }
    return trainees
  }

  private takeTrainee(pools: Map<Area, TraineePlan[]>, area: Area): TraineePlan | undefined {
    const own = pools.get(area)
    if (own && own.length > 0) return own.pop()
    let best: TraineePlan[] | undefined
    for (const p of pools.values()) if (!best || p.length > best.length) best = p
    return best?.pop()
  }

  // ---------------------------------------------------------------- sessions and recruitment

  private planSessions(enrolledCount: number): SessionPlan[] {
    const rng = this.rng
    const sessions: SessionPlan[] = []
    const trainingChoices = TRAININGS.map((t, i) => [i, t.weight] as const)
    let planned = 0
    let cancelledDone = false
    while (planned < enrolledCount || sessions.length < FIXED_SESSION_OFFSETS.length) {
      const index = sessions.length
      const fixed = FIXED_SESSION_OFFSETS[index]
      const trainingIndex = fixed !== undefined ? index % TRAININGS.length : rng.weighted(trainingChoices)
      const training = TRAININGS[trainingIndex] as TrainingDef
      const area = rng.pick(training.places)
      const offset = fixed ?? rng.int(-300, 180)
      const total = training.hoursCentre + training.hoursCompany
      const s: SessionPlan = {
        id: 0,
        index,
        training,
        trainingId: this.trainingIds[trainingIndex] as number,
        actionId: this.actionIds.get(`${trainingIndex}:${area}`) as number,
        placeId: this.placeIds.get(area) as number,
        area,
        start: 0,
        end: 0,
        capacity: rng.int(12, 16),
        totalHours: total,
        weekly: training.weeklyHours,
        recruitment: 'closed',
        events: [],
        transfer: null,
        retenuCount: 0,
        results: 0,
        waitlisted: false,
        awaitingValidation: false,
        awaitingRequest: false,
        entered: 0,
        entriesPending: false,
        createdDay: 0,
        target: 0
      }
      s.start = this.nextWorkday(s, this.cal.mondayOf(offset))
      // The end is the day the planned hours are reached, closures and holidays skipped.
      let acc = 0
      let d = s.start
      for (;;) {
        if (this.workday(s, d)) acc += s.weekly[this.cal.dow(d) - 1] ?? 0
        if (acc >= total) break
        d++
      }
      s.end = d
      s.createdDay = Math.min(s.start - rng.int(60, 150), -rng.int(1, 20))
      if (s.start > 14) s.recruitment = 'open'
      if (s.start <= 0 && s.start >= -7) s.entriesPending = fixed !== undefined || rng.chance(0.4)

      const remaining = Math.max(0, enrolledCount - planned)
      let target: number
      if (s.start <= 60) target = rng.int(s.capacity - 3, Math.min(MAX_ENROLMENTS_PER_SESSION, s.capacity + 2))
      else if (s.start <= 120) target = rng.int(2, 10)
      else target = rng.int(0, 5)
      s.target = Math.min(target, remaining)
      planned += s.target

      this.planEvents(s)
      if (!cancelledDone && s.start > 0) cancelledDone = this.cancelOneEvent(s)
      sessions.push(s)
    }
    // A recruitment "sur candidature" for one upcoming session, and one session on hold.
    const windowSession =
      sessions.find((s) => s.training.short === 'DWWM' && s.start >= 21) ?? sessions.find((s) => s.start >= 21)
    if (windowSession) {
      windowSession.events.unshift({
        id: 0,
        kind: 'application_window',
        date: -10,
        endDate: windowSession.start - 10,
        startTime: null,
        endTime: null,
        capacity: null,
        comment: 'Candidatures sur dossier (CV et lettre de motivation), puis tests de logique et entretien individuel',
        cancelled: false,
        regs: 0,
        createdDay: -11
      })
    }
    const suspended = sessions.find((s) => s.start > 100 && s.target === 0) ?? sessions.find((s) => s.start > 100)
    if (suspended) suspended.recruitment = 'suspended'
    return sessions
  }

  private planEvents(s: SessionPlan): void {
    const rng = this.rng
    const weeks = [2, ...rng.shuffle([3, 4, 5, 6, 7]).slice(0, rng.int(1, 2))].sort((a, b) => b - a)
    const monday = this.cal.mondayOf(s.start)
    const dates = weeks.map((k) => monday - 7 * k + (rng.chance(0.5) ? 1 : 3))
    if (s.training.entryMode === 'permanent') {
      // Permanent entries: recruitment goes on during the first half of the session.
      for (const k of [1, 3, 5]) {
        const d = monday + 7 * k + (rng.chance(0.5) ? 1 : 3)
        if (d <= s.start + (s.end - s.start) / 2 - 14) dates.push(d)
      }
    }
    for (const raw of dates) {
      let date = raw
      // A holiday or a closure moves the meeting to the previous Tuesday or Thursday.
      while (this.cal.isClosed(date)) date -= this.cal.dow(date) === 4 ? 2 : 5
      const morning = rng.chance(0.8)
      s.events.push({
        id: 0,
        kind: 'info_session',
        date,
        endDate: null,
        startTime: morning ? '09:30' : '14:00',
        endTime: morning ? '12:00' : '16:30',
        capacity: rng.int(12, 20),
        comment: 'Information collective : présentation du métier et de la formation, tests de positionnement, entretiens individuels',
        cancelled: false,
        regs: 0,
        createdDay: Math.max(s.createdDay, Math.min(date - rng.int(14, 45), -1))
      })
    }
  }

  private cancelOneEvent(s: SessionPlan): boolean {
    const future = s.events.filter((e) => e.kind === 'info_session' && e.date > 1).sort((a, b) => a.date - b.date)
    const from = future[0]
    const to = future[1]
    if (!from || !to) return false
    from.cancelled = true
    from.createdDay = Math.min(from.createdDay, -3)
    s.transfer = { from, to }
    return true
  }

  // ---------------------------------------------------------------- enrolments

  private planEnrolment(s: SessionPlan, trainee: TraineePlan): EnrolmentPlan {
    const rng = this.rng
    const permanent = s.training.entryMode === 'permanent'
    const p: EnrolmentPlan = {
      id: 0,
      trainee,
      session: s,
      registration: null,
      status: 'positionne',
      statusSince: 0,
      funding: 'region',
      fundingReference: null,
      entry: null,
      exit: null,
      exitReason: null,
      dropoutReason: null,
      cancelReason: null,
      validatedBy: null,
      validatedOn: null,
      ais: null,
      steps: [],
      interruption: null,
      createdDay: 0
    }
    p.funding = trainee.prescriber === 'cap_emploi' && rng.chance(0.5) ? 'agefiph' : rng.weighted(s.training.funding)
    p.fundingReference =
      p.funding === 'region'
        ? s.training.fundingReference
        : p.funding === 'agefiph'
          ? 'Convention AGEFIPH Bretagne 2026'
          : p.funding === 'opco'
            ? 'OPCO EP – Transitions'
            : null

    // How the candidate met the organisation: information collective, individual appointment or directly.
    let meeting: Day
    const way = rng.weighted([
      ['info', 86],
      ['appointment', 10],
      ['direct', 4]
    ] as const)
    if (way === 'info') {
      const infos = s.events.filter((e) => e.kind === 'info_session')
      let event = rng.pick(infos)
      let transferredFrom: EventPlan | null = null
      if (event.cancelled && s.transfer) {
        transferredFrom = event
        event = s.transfer.to
      }
      event.regs++
      meeting = event.date
      p.registration = { event, presence: 'unknown', result: null, resultCode: null, resultDay: null, createdDay: 0, transferredFrom }
    } else if (way === 'appointment') {
      const date = this.cal.nextWeekday(s.start - rng.int(6, 35))
      const hour = rng.pick([9, 10, 11, 14, 15, 16])
      const event: EventPlan = {
        id: 0,
        kind: 'appointment',
        date,
        endDate: null,
        startTime: `${String(hour).padStart(2, '0')}:00`,
        endTime: `${String(hour).padStart(2, '0')}:45`,
        capacity: 1,
        comment: 'Entretien individuel de positionnement',
        cancelled: false,
        regs: 1,
        createdDay: Math.min(date - rng.int(3, 15), -1)
      }
      s.events.push(event)
      meeting = date
      p.registration = { event, presence: 'unknown', result: null, resultCode: null, resultDay: null, createdDay: 0, transferredFrom: null }
    } else {
      meeting = s.start - rng.int(8, 30)
    }

    let booking = meeting - rng.int(2, 21)
    if (booking > 0) booking = -rng.int(0, 20)
    // A candidate moved from the cancelled meeting was booked before it was cancelled (day -2).
    if (p.registration?.transferredFrom) booking = Math.min(booking, -3 - rng.int(0, 10))
    if (p.registration) {
      p.registration.createdDay = booking
      p.registration.event.createdDay = Math.min(p.registration.event.createdDay, booking - 1)
    }
    p.createdDay = booking
    trainee.createdDay = Math.min(trainee.createdDay, booking - rng.int(1, 10))

    const step = (kind: StepKind, to: EnrolmentStatus | null, date: Day, extra: Partial<StepPlan> = {}): StepPlan => {
      const requires = kind === 'entry' || kind === 'interruption' || kind === 'exit' || kind === 'dropout'
      const st: StepPlan = {
        kind,
        from: kind === 'status' && p.steps.length === 0 ? null : p.status,
        to,
        date,
        reasonCode: null,
        reasonLabel: null,
        comment: null,
        requires,
        declaredOn: requires ? this.declaration(date) : null,
        ...extra
      }
      p.steps.push(st)
      if (to) {
        p.status = to
        p.statusSince = date
      }
      return st
    }

    step('status', 'positionne', booking)
    // Results are entered after the meeting; a few recent meetings still wait for them.
    if (meeting >= 0 || (meeting >= -3 && rng.chance(0.3))) return p

    let result = rng.weighted([
      ['retenu', 80],
      ['non_retenu', 10],
      ['en_attente', 10]
    ] as const) as 'retenu' | 'non_retenu' | 'en_attente'
    if (result === 'retenu' && s.retenuCount >= s.capacity) result = s.start > 0 ? 'en_attente' : 'non_retenu'
    // Upcoming sessions usually keep someone on the waiting list.
    if (s.start > 0 && !s.waitlisted && ++s.results >= 5) result = 'en_attente'
    if (result === 'en_attente') s.waitlisted = true
    if (p.registration) {
      p.registration.presence = 'present'
      p.registration.result = result
      p.registration.resultCode = result === 'retenu' ? 'ICR' : result === 'non_retenu' ? 'ICN' : null
      p.registration.resultDay = meeting
    }
    if (result === 'non_retenu') {
      step('status', 'non_retenu', meeting, { comment: rng.pick(NON_RETENU_COMMENTS) })
      p.ais = 'ICN'
      return p
    }
    if (result === 'en_attente') {
      step('status', 'en_attente', meeting, { comment: 'Liste d’attente' })
      if (s.start <= 0) {
        step('status', 'non_retenu', Math.max(meeting + 1, s.start - 3), { comment: 'Liste d’attente : session complète' })
        p.ais = 'ICN'
      }
      return p
    }

    s.retenuCount++
    p.ais = 'ICR'
    step('status', 'retenu', meeting)
    let validation = meeting + rng.int(1, 14)
    let inscription = validation + rng.int(3, 20)
    if (!permanent) {
      validation = Math.max(meeting + 1, Math.min(validation, s.start - 2))
      inscription = Math.max(validation + 1, Math.min(inscription, s.start - 1))
    }
    // Upcoming sessions usually have a project still waiting for the adviser's validation, and one
    // candidate accepted so recently that the validation request is not sent yet.
    if (s.start >= 3 && !s.awaitingRequest && validation <= 0) {
      validation = 1
      inscription = Math.max(inscription, 2)
    }
    if (s.start >= 3 && validation > 0) s.awaitingRequest = true
    if (s.start > 1 && !s.awaitingValidation && validation <= 0 && inscription <= 0) inscription = 1
    if (s.start > 1 && validation <= 0 && inscription > 0) s.awaitingValidation = true
    let entryDay: Day
    if (permanent) entryDay = this.nextWorkday(s, Math.max(s.start, inscription + rng.int(1, 7)))
    else entryDay = this.nextWorkday(s, rng.chance(0.04) ? s.start + rng.int(1, 3) : s.start)
    if (entryDay > s.end - 5) entryDay = this.previousWorkday(s, s.end - 5, s.start)

    let cancelDay: Day | null = null
    if (rng.chance(0.07)) {
      const hi = Math.min(entryDay - 1, -1)
      if (hi >= meeting + 1) cancelDay = rng.int(meeting + 1, hi)
    }
    const noShow = cancelDay === null && rng.chance(0.02)

    for (const [status, day] of [
      ['a_valider', validation],
      ['inscrit', inscription]
    ] as const) {
      if (day > 0 || (cancelDay !== null && cancelDay <= day)) break
      if (status === 'inscrit') {
        p.validatedBy = trainee.prescriber === 'mission_locale' || trainee.prescriber === 'cap_emploi' ? trainee.prescriber : 'france_travail'
        p.validatedOn = day
        step('status', 'inscrit', day, { comment: `Projet validé par ${trainee.agency ?? 'France Travail'}` })
      } else step('status', 'a_valider', day)
    }
    if (cancelDay !== null) {
      const [code, label] =
        p.status === 'a_valider' && rng.chance(0.3)
          ? (['NON_VALIDE', 'Projet non validé par le conseiller'] as const)
          : rng.weighted(CANCEL_REASONS)
      step('cancellation', 'annule', cancelDay, { reasonCode: code, reasonLabel: label })
      p.cancelReason = label
      return p
    }
    if (p.status !== 'inscrit' || entryDay > 0) return p
    if (s.entriesPending && entryDay >= -7) return p
    if (noShow) {
      const label = 'Ne s’est pas présenté(e) le jour de l’entrée'
      step('cancellation', 'annule', entryDay, { reasonCode: 'ABSENT_ENTREE', reasonLabel: label })
      p.cancelReason = label
      return p
    }

    step('entry', 'entre', entryDay)
    p.entry = entryDay
    s.entered++
    // Dropouts happen; make sure a small demo shows at least one.
    const forceDropout = !this.dropoutSeen && s.end < 0 && s.entered === 3
    if (forceDropout || rng.chance(0.1)) {
      const drop = this.previousWorkday(s, entryDay + rng.int(3, Math.max(3, s.end - entryDay - 1)), entryDay)
      if (drop <= 0) {
        const [code, label] = rng.weighted(DROPOUT_REASONS)
        step('dropout', 'abandon', drop, { reasonCode: code, reasonLabel: label })
        this.dropoutSeen = true
        p.exit = drop
        p.dropoutReason = label
        return p
      }
    }
    if (s.end < 0) {
      step('exit', 'sorti', s.end, { reasonCode: 'FIN', reasonLabel: 'Fin de formation' })
      p.exit = s.end
      p.exitReason = 'Fin de formation'
    }
    return p
  }

  /** A couple of long breaks (more than 15 days) in a trainee's course. */
  private planInterruptions(enrolments: EnrolmentPlan[]): void {
    const rng = this.rng
    let made = 0
    const wanted = Math.max(2, Math.round(enrolments.length / 400))
    for (const p of enrolments) {
      if (made >= wanted) break
      if (p.entry === null || (p.status !== 'entre' && p.status !== 'sorti')) continue
      const last = Math.min(p.exit ?? p.session.end, -1)
      if (last - p.entry < 70 || !rng.chance(0.25)) continue
      const s = p.session
      const start = this.nextWorkday(s, p.entry + rng.int(20, last - p.entry - 45))
      const end = start + rng.int(16, 28) - 1
      const reason = rng.pick(INTERRUPTION_REASONS)
      const interruption = {
        kind: 'interruption' as const,
        from: null,
        to: null,
        date: start,
        reasonCode: null,
        reasonLabel: reason,
        comment: null,
        requires: true,
        declaredOn: this.declaration(start)
      }
      if (end >= last) {
        // Still going on: only for a trainee still in training.
        if (p.status !== 'entre' || start > -3) continue
        p.interruption = { start, end: null, reason }
        p.steps.push(interruption)
      } else {
        p.interruption = { start, end, reason }
        const back = this.nextWorkday(s, end + 1)
        p.steps.push(interruption, {
          kind: 'resumption',
          from: null,
          to: null,
          date: back,
          reasonCode: null,
          reasonLabel: null,
          comment: 'Reprise de la formation',
          requires: false,
          declaredOn: null
        })
      }
      // Chronological order (stable: same-day steps keep their order).
      p.steps.sort((a, b) => a.date - b.date)
      made++
    }
  }

  /** The dashboard must have work: the latest entry, exit or dropout is not declared yet. */
  private leaveDeclarationsToDo(enrolments: EnrolmentPlan[]): void {
    let latest: StepPlan | null = null
    for (const p of enrolments) {
      for (const st of p.steps) {
        if (!st.requires) continue
        if (st.declaredOn === null && st.date >= -10) return
        if (!latest || st.date > latest.date) latest = st
      }
    }
    if (latest) latest.declaredOn = null
  }

  private planAbsentRegistrations(sessions: SessionPlan[], pool: TraineePlan[]): AbsentRegistration[] {
    const absents: AbsentRegistration[] = []
    for (const s of sessions) {
      for (const e of s.events) {
        if (e.kind !== 'info_session' || e.cancelled || e.date >= 0) continue
        for (let k = this.rng.int(0, 2); k > 0; k--) {
          const trainee = pool.pop()
          if (!trainee) return absents
          const createdDay = e.date - this.rng.int(3, 20)
          trainee.createdDay = Math.min(trainee.createdDay, createdDay - this.rng.int(1, 10))
          e.regs++
          e.createdDay = Math.min(e.createdDay, createdDay - 1)
          absents.push({ event: e, trainee, createdDay })
        }
      }
    }
    return absents
  }

  // ---------------------------------------------------------------- AIF quotes

  private planQuotes(enrolments: EnrolmentPlan[]) {
    type Quote = { p: EnrolmentPlan; status: 'sent' | 'accepted' | 'draft'; sentOn: Day | null; answeredOn: Day | null }
    const quotes: Quote[] = []
    const byPreference = (list: EnrolmentPlan[]) =>
      list.find((p) => p.session.training.short === 'DWWM') ?? list.find((p) => p.funding !== 'agefiph') ?? list[0]
    // Filed at least 15 days before the start, as France Travail asks.
    const upcoming = enrolments.filter((p) => p.session.start >= 16)
    const sent =
      byPreference(upcoming.filter((p) => p.status === 'a_valider' || p.status === 'inscrit')) ??
      byPreference(upcoming.filter((p) => p.status === 'retenu' || p.status === 'positionne'))
    if (sent) quotes.push({ p: sent, status: 'sent', sentOn: -this.rng.int(3, 8), answeredOn: null })
    const accepted = byPreference(enrolments.filter((p) => p.status === 'entre' && p.session.start <= -10))
    if (accepted) {
      const sentOn = accepted.session.start - this.rng.int(25, 40)
      quotes.push({ p: accepted, status: 'accepted', sentOn, answeredOn: sentOn + this.rng.int(5, 12) })
    }
    const draft = byPreference(upcoming.filter((p) => (p.status === 'positionne' || p.status === 'retenu') && p !== sent))
    if (draft) quotes.push({ p: draft, status: 'draft', sentOn: null, answeredOn: null })
    quotes.forEach((q, i) => {
      q.p.funding = 'aif'
      q.p.fundingReference = `DEV-${this.year}-${String(i + 1).padStart(4, '0')}`
    })
    return quotes
  }

  // ---------------------------------------------------------------- inserts

  private insertSessions(sessions: SessionPlan[]): void {
    const db = this.ctx.db
    const insertSession = db.prepare(
      `INSERT INTO session (training_id, action_id, intercarif_session_id, label, start_date, end_date, place_id, capacity, entry_mode,
         hours_centre, hours_company, weekly_hours_json, recruitment_state, trainer_name, referent_name, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'local', ?, ?)`
    )
    const insertFunder = db.prepare('INSERT INTO session_funder (session_id, funder_code, label) VALUES (?, ?, ?)')
    const insertBreak = db.prepare('INSERT INTO session_break (session_id, start_date, end_date, label) VALUES (?, ?, ?, ?)')
    const insertEvent = db.prepare(
      `INSERT INTO recruitment_event (session_id, kind, date, end_date, start_time, end_time, place_id, capacity, comment, series_id,
         cancelled_at, cancel_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    for (const s of sessions) {
      const t = s.training
      const startIso = this.iso(s.start)
      const month = MONTHS_FR[Number(startIso.slice(5, 7)) - 1] ?? ''
      const city = PLACES.find((p) => p.key === s.area)?.city ?? ''
      const created = this.instant(s.createdDay)
      const info = insertSession.run(
        s.trainingId,
        s.actionId,
        String(103725 + s.index),
        `${t.short} ${city} – ${month} ${startIso.slice(0, 4)}`,
        startIso,
        this.iso(s.end),
        s.placeId,
        s.capacity,
        t.entryMode,
        t.hoursCentre,
        t.hoursCompany,
        JSON.stringify(s.weekly),
        s.recruitment,
        this.rng.pick(t.trainers),
        this.rng.pick(STAFF),
        created,
        created
      )
      s.id = Number(info.lastInsertRowid)
      this.summary.sessions++
      for (const [code, label] of t.funders) insertFunder.run(s.id, code, label)
      for (const c of this.cal.closures) {
        if (c.to >= s.start && c.from <= s.end) insertBreak.run(s.id, this.iso(c.from), this.iso(c.to), c.label)
      }
      s.events.sort((a, b) => a.date - b.date)
      for (const e of s.events) {
        const createdAt = this.instant(e.createdDay)
        const cancelledAt = e.cancelled ? this.instant(-2) : null
        const ev = insertEvent.run(
          s.id,
          e.kind,
          this.iso(e.date),
          e.endDate === null ? null : this.iso(e.endDate),
          e.startTime,
          e.endTime,
          s.placeId,
          e.capacity === null ? null : Math.max(e.capacity, e.regs),
          e.comment,
          null,
          cancelledAt,
          e.cancelled ? 'Formatrice indisponible : les candidats sont reportés sur la réunion suivante' : null,
          createdAt,
          cancelledAt ?? createdAt
        )
        e.id = Number(ev.lastInsertRowid)
        this.summary.recruitmentEvents++
      }
    }
  }

  private insertTrainees(trainees: TraineePlan[]): void {
    const insert = this.ctx.db.prepare(
      `INSERT INTO trainee (ft_id, civility, last_name, first_name, birth_name, birth_date, email, phone, address_line1, address_line2,
         postal_code, city, prescriber, prescriber_agency, adviser_name, adviser_email, cpf_balance_cents, notes, search_text,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    for (const t of trainees) {
      // Same key as the trainee service builds, so search behaves the same on demo data.
      const search = foldForSearch([t.lastName, t.firstName, t.ftId, t.email, t.city, t.postalCode].filter(Boolean).join(' '))
      const created = this.instant(t.createdDay)
      const info = insert.run(
        t.ftId,
        t.civility,
        t.lastName,
        t.firstName,
        t.birthName,
        t.birthDate,
        t.email,
        t.phone,
        t.addressLine1,
        t.addressLine2,
        t.postalCode,
        t.city,
        t.prescriber,
        t.agency,
        t.adviserName,
        t.adviserEmail,
        t.cpfCents,
        t.notes,
        search,
        created,
        created
      )
      t.id = Number(info.lastInsertRowid)
      this.summary.trainees++
    }
  }

  private insertEnrolments(enrolments: EnrolmentPlan[], absents: AbsentRegistration[]): void {
    const db = this.ctx.db
    const clerk = this.clerk
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
      const created = this.instant(a.createdDay)
      insertRegistration.run(a.event.id, a.trainee.id, 'absent', null, 'ICA', this.instant(a.event.date), null, created, this.instant(a.event.date))
    }

    const currentMonth = this.cal.today.slice(0, 7)
    const monthEnd = this.cal.offsetOf(`${currentMonth}-${String(daysInMonth(currentMonth)).padStart(2, '0')}`) ?? 31
    const previousMonth = this.iso((this.cal.offsetOf(`${currentMonth}-01`) ?? 0) - 1).slice(0, 7)

    for (const p of enrolments) {
      const s = p.session
      let registrationId: number | null = null
      if (p.registration) {
        const r = p.registration
        const created = this.instant(r.createdDay)
        const resultAt = r.resultDay === null ? null : this.instant(r.resultDay)
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
            this.instant(-2),
            clerk,
            `Réunion annulée : candidat reporté au ${formatDateFr(this.iso(r.event.date))}`
          )
        }
      }

      let pending: Day | null = null
      for (const st of p.steps) if (st.requires && st.declaredOn === null && (pending === null || st.date < pending)) pending = st.date
      const createdAt = this.instant(p.createdDay)
      const updatedAt = p.statusSince > p.createdDay ? this.instant(p.statusSince) : createdAt
      const info = insertEnrolment.run(
        s.id,
        p.trainee.id,
        registrationId,
        p.status,
        this.iso(p.statusSince),
        p.funding,
        p.fundingReference,
        this.iso(s.start),
        this.iso(s.end),
        s.totalHours,
        p.entry === null ? null : this.iso(p.entry),
        p.exit === null ? null : this.iso(p.exit),
        p.exitReason,
        p.dropoutReason,
        p.cancelReason,
        p.validatedBy,
        p.validatedOn === null ? null : this.iso(p.validatedOn),
        p.ais,
        pending === null ? null : this.iso(pending),
        createdAt,
        updatedAt
      )
      const enrolmentId = Number(info.lastInsertRowid)
      p.id = enrolmentId
      this.summary.enrolments++

      for (const st of p.steps) {
        const recordedDay = st.date + (this.rng.chance(0.85) ? 0 : this.rng.int(1, 2))
        const recordedAt = this.instant(Math.min(recordedDay, st.declaredOn ?? recordedDay))
        const ev = insertStep.run(
          enrolmentId,
          st.kind,
          st.from,
          st.to,
          this.iso(st.date),
          st.reasonCode,
          st.reasonLabel,
          st.comment,
          recordedAt,
          clerk,
          st.requires ? 1 : 0,
          st.declaredOn === null ? null : this.iso(st.declaredOn),
          st.declaredOn === null ? null : clerk
        )
        if (st.kind === 'interruption' && p.interruption) {
          const i = p.interruption
          const at = this.instant(i.start)
          insertInterruption.run(
            enrolmentId,
            this.iso(i.start),
            i.end === null ? null : this.iso(i.end),
            i.reason,
            i.end === null ? 'Date de reprise à confirmer' : null,
            Number(ev.lastInsertRowid),
            at,
            i.end === null ? at : this.instant(i.end)
          )
        }
      }

      if (p.entry !== null) this.attendance(p, enrolmentId, insertDay, insertMonth, insertReport, { currentMonth, previousMonth, monthEnd })
    }
  }

  private attendance(
    p: EnrolmentPlan,
    enrolmentId: number,
    insertDay: Statement,
    insertMonth: Statement,
    insertReport: Statement,
    months: { currentMonth: string; previousMonth: string; monthEnd: Day }
  ): void {
    const rng = this.rng
    const s = p.session
    const entry = p.entry as Day
    const last = p.exit ?? s.end
    const lastWritten = Math.min(last, -1)
    const planningEnd = Math.min(last, months.monthEnd)
    const interruptionStart = p.interruption?.start ?? Infinity
    const interruptionEnd = p.interruption ? (p.interruption.end ?? Infinity) : -Infinity
    const monthPlanned = new Map<string, number>()
    let attended = 0
    let sickLeft = 0
    for (let d = entry; d <= planningEnd; d++) {
      const planned = s.weekly[this.cal.dow(d) - 1] ?? 0
      if (planned === 0 || this.cal.isClosed(d)) continue
      if (d >= interruptionStart && d <= interruptionEnd) continue
      const iso = this.iso(d)
      const month = iso.slice(0, 7)
      monthPlanned.set(month, (monthPlanned.get(month) ?? 0) + planned)
      if (d > lastWritten) continue
      const evening = `${iso}T16:45:00.000Z`
      const updatedAt = evening < this.now ? evening : this.now
      let code: string | null = null
      let hours: number | null = planned
      let absenceHours: number | null = null
      if (p.status === 'abandon' && d >= last - 3 && rng.chance(0.6)) code = 'ANJ'
      else if (sickLeft > 0) {
        sickLeft--
        code = 'MAL'
      } else if (rng.chance(0.03)) {
        code = rng.weighted([
          ['AJ', 25],
          ['ANJ', 20],
          ['MAL', 30],
          ['RDV', 15],
          ['FAM', 10]
        ] as const)
        if (code === 'MAL') sickLeft = rng.weighted([[0, 50], [1, 25], [2, 15], [4, 10]])
      }
      if (code === 'RDV' && planned > 3.5) {
        // Half a day at France Travail or with an employer.
        hours = planned - 3.5
        absenceHours = 3.5
      } else if (code !== null) {
        hours = null
        absenceHours = planned
      }
      insertDay.run(enrolmentId, iso, hours, code, absenceHours, updatedAt, this.clerk)
      this.summary.attendanceDays++
      attended += hours ?? 0
    }
    for (const [month, planned] of monthPlanned) {
      let attestedAt: string | null = null
      let declared: Day | null = null
      if (month < months.currentMonth) {
        const attestDay = Math.min((this.cal.offsetOf(`${month}-25`) ?? -1) + rng.int(0, 4), -1)
        attestedAt = this.instant(attestDay)
        const late = month === months.previousMonth ? rng.chance(0.15) : rng.chance(0.005)
        if (!late) declared = Math.min(attestDay + rng.int(0, 2), 0)
      }
      insertMonth.run(
        enrolmentId,
        month,
        planned,
        attestedAt,
        attestedAt === null ? null : this.clerk,
        declared === null ? null : this.iso(declared),
        declared === null ? null : this.clerk
      )
    }
    if (p.status === 'sorti' && p.exit !== null) {
      const exit = p.exit
      const done = exit <= -10 ? rng.chance(0.7) : rng.chance(0.3)
      if (!done) return
      const completed = exit <= -10
      const t = s.training
      const result = t.certifying
        ? rng.weighted([
            ['totale', 65],
            ['partielle', 15],
            ['non_obtenue', 8],
            ['non_presentee', 12]
          ] as const)
        : null
      const [nextStep, detail] = rng.weighted(NEXT_STEPS)
      const hours = Math.round(attended * 100) / 100
      const created = this.instant(Math.min(exit + rng.int(0, 3), -1))
      const completedAt = completed ? this.instant(Math.min(exit + rng.int(1, 8), -1)) : null
      insertReport.run(
        enrolmentId,
        this.iso(exit),
        p.exitReason,
        hours,
        hours,
        result,
        t.skills,
        detail ? `${nextStep} (${detail})` : nextStep,
        result === 'partielle'
          ? 'Certificats de compétences professionnelles partiellement validés ; passage du reste en session de rattrapage conseillé.'
          : result === 'non_presentee'
            ? 'Ne s’est pas présenté(e) à la session d’examen.'
            : 'Parcours suivi avec assiduité.',
        completedAt,
        created,
        this.clerk,
        completedAt ?? created,
        this.clerk
      )
    }
  }

  private insertQuotes(quotes: ReturnType<DemoBuilder['planQuotes']>): void {
    // The migration tests also fill databases of older versions: the quote table of 0050 has other columns.
    const columns = this.ctx.db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('aif_quote')").all()
    if (columns.some((c) => c.name === 'hours_centre_hundredths')) return this.insertQuotes50(quotes)
    const insertQuote = this.ctx.db.prepare(
      `INSERT INTO aif_quote (number, trainee_id, session_id, enrolment_id, status, start_date, end_date, hours, total_cents, cpf_cents,
         own_contribution_cents, remaining_cost_cents, kairos_reference, sent_on, answered_on, comment, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?)`
    )
    const insertFunder = this.ctx.db.prepare('INSERT INTO aif_quote_funder (quote_id, funder, amount_cents) VALUES (?, ?, ?)')
    for (const q of quotes) {
      const p = q.p
      const s = p.session
      const total = Math.round(s.totalHours * s.training.hourlyPriceCents)
      // CPF first: France Travail only tops up what the trainee's CPF does not cover.
      const cpf = q.status === 'accepted' ? Math.min(p.trainee.cpfCents ?? 0, Math.floor(total / 3)) : 0
      const createdDay = q.sentOn === null ? -this.rng.int(1, 5) : q.sentOn - this.rng.int(0, 2)
      const created = this.instant(createdDay)
      const info = insertQuote.run(
        p.fundingReference,
        p.trainee.id,
        s.id,
        p.id,
        q.status,
        this.iso(s.start),
        this.iso(s.end),
        s.totalHours,
        total,
        cpf,
        q.status === 'accepted' ? `AIF-56-${this.year}-${this.rng.digits(6)}` : null,
        q.sentOn === null ? null : this.iso(q.sentOn),
        q.answeredOn === null ? null : this.iso(q.answeredOn),
        q.status === 'sent' ? 'Devis déposé sur KAIROS, en attente de la décision du conseiller' : null,
        created,
        q.answeredOn === null ? (q.sentOn === null ? created : this.instant(q.sentOn)) : this.instant(q.answeredOn)
      )
      const quoteId = Number(info.lastInsertRowid)
      insertFunder.run(quoteId, 'aif', total - cpf)
      if (cpf > 0) insertFunder.run(quoteId, 'cpf', cpf)
    }
  }

  /** Quotes as migration 0050 stores them: France Travail's part is what the CPF leaves. */
  private insertQuotes50(quotes: ReturnType<DemoBuilder['planQuotes']>): void {
    const insertQuote = this.ctx.db.prepare(
      `INSERT INTO aif_quote (number, year, sequence, trainee_id, session_id, enrolment_id, status, start_date, end_date, hours_centre_hundredths,
         pricing_mode, total_cents, kairos_reference, sent_on, accepted_on, answered_on, comment, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'flat', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const insertFunder = this.ctx.db.prepare("INSERT INTO aif_quote_funder (quote_id, funder, amount_cents) VALUES (?, 'cpf', ?)")
    quotes.forEach((q, i) => {
      const p = q.p
      const s = p.session
      const total = Math.round(s.totalHours * s.training.hourlyPriceCents)
      const cpf = q.status === 'accepted' ? Math.min(p.trainee.cpfCents ?? 0, Math.floor(total / 3)) : 0
      const created = this.instant(q.sentOn === null ? -this.rng.int(1, 5) : q.sentOn - this.rng.int(0, 2))
      const answered = q.answeredOn === null ? null : this.iso(q.answeredOn)
      const info = insertQuote.run(
        p.fundingReference,
        this.year,
        i + 1,
        p.trainee.id,
        s.id,
        p.id,
        q.status === 'accepted' ? 'validated' : q.status,
        this.iso(s.start),
        this.iso(s.end),
        Math.round(s.totalHours * 100),
        total,
        q.status === 'accepted' ? `AIF-56-${this.year}-${this.rng.digits(6)}` : null,
        q.sentOn === null ? null : this.iso(q.sentOn),
        answered,
        answered,
        q.status === 'sent' ? 'Devis déposé sur KAIROS, en attente de la décision du conseiller' : null,
        created,
        this.clerk,
        q.answeredOn === null ? (q.sentOn === null ? created : this.instant(q.sentOn)) : this.instant(q.answeredOn)
      )
      if (cpf > 0) insertFunder.run(Number(info.lastInsertRowid), cpf)
    })
  }
}

/** Lower-case ASCII for e-mail addresses: "Le Gall" → "legall", "Jean-François" → "jean-francois". */
function emailPart(s: string): string {
  return foldForSearch(s).replace(/[^a-z-]/g, '')
}
