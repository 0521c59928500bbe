import type { CounterTarget, Dashboard, DashboardCounter, DashboardItem } from '@shared/api/areas/dashboard'
import type { EnrolmentFilter, EnrolmentRow } from '@shared/api/areas/enrolments'
import { addDays, daysInMonth, formatDateFr, formatDateLongFr } from '@shared/domain/dates'
import { aifFilingState, attendanceState, monthsToCheck, sessionEntryState } from '@shared/domain/deadlines'
import type { HolidayOptions } from '@shared/domain/frenchHolidays'
import { deFr } from '@shared/domain/frenchFormat'
import { RECRUITMENT_EVENT_KINDS, type RecruitmentEventKind } from '@shared/domain/recruitment'
import { sessionName } from '@shared/domain/recruitmentRules'
import type { Db } from '../../db/open'
import { EVENT_KIND_LABELS } from '../enrolments/declarationService'
import { holidayOptions } from '../enrolments/deadlineBounds'
import { countEnrolments, listEnrolments } from '../enrolments/enrolmentQueries'
import { invoicesToDeposit, invoicesUnpaid } from '../invoices/invoiceCounters'
import { listRecruitmentWarnings } from '../recruitment/warningService'
/*
 * The pilotage page (domain.md §4–§5): what must be done today and what is late, as of `today`
 * (the date picker shows it as of another day, against the data as it is now).
 *
 * Every counter comes with the target that opens a screen on exactly its rows. The counters on
 * enrolments count with the very conditions of the enrolments grid (`enrolmentWhere`), so a
 * counter and the grid it opens cannot disagree. Each counter is one function, so that the
 * benchmark and the query-plan test can run them one by one.
 */

export type CounterKey = DashboardCounter['key']

export const COUNTER_KEYS: readonly CounterKey[] = [
  'entries_late',
  'entries_todo',
  'declarations_late',
  'declarations_todo',
  'attendance_late',
  'attendance_to_enter',
  'to_validate',
  'no_result',
  'no_future_slot',
  'exit_reports_due',
  'quotes_waiting',
  'quotes_to_file',
  'invoices_to_deposit',
  'invoices_unpaid_30',
  'invoices_unpaid_60'
]

const ITEMS = 10

type Env = { db: Db; today: string; options: HolidayOptions }

type Severity = DashboardCounter['severity']

function counter(key: CounterKey, label: string, count: number, severity: Exclude<Severity, 'ok'>, target: CounterTarget, items: DashboardItem[]): DashboardCounter {
  return { key, label, count, severity: count === 0 ? 'ok' : severity, target, items }
}

const plural = (n: number, one: string, many: string = `${one}s`) => `${n} ${n > 1 ? many : one}`
const monthName = (month: string) => formatDateLongFr(`${month}-01`).replace(/^1er /, '')
const personName = (r: { lastName: string; firstName: string }) => `${r.lastName} ${r.firstName}`

/** The enrolments grid on exactly one enrolment (an enrolment is unique per session and trainee). */
const oneEnrolment = (r: EnrolmentRow, today: string): CounterTarget => ({
  screen: 'enrolments',
  filter: { sessionId: r.sessionId, traineeId: r.traineeId, today }
})

// ---------------------------------------------------------------------------------------------
// Entries of sessions that have started

type EntrySession = {
  id: number
  label: string | null
  trainingTitle: string
  intercarifSessionId: string | null
  startDate: string
  waiting: number
  entered: number
}

/**
 * « Inscrit » enrolments of sessions that have started, by session; each session's state comes
 * from the domain rule (`sessionEntryState`), which the grid's `entry` filter reproduces with a
 * date bound (checked by the tests).
 */
function entries(env: Env, key: 'entries_todo' | 'entries_late'): DashboardCounter {
  const { db, today, options } = env
  const state = key === 'entries_late' ? 'en_retard' : 'a_faire'
  const sessions = db
    .prepare<unknown[], EntrySession>(
      `SELECT s.id, s.label, t.title AS trainingTitle, s.intercarif_session_id AS intercarifSessionId, s.start_date AS startDate,
              count(*) AS waiting,
              (SELECT count(*) FROM enrolment x WHERE x.session_id = s.id AND x.status IN ('entre', 'sorti', 'abandon')) AS entered
       FROM enrolment e JOIN session s ON s.id = e.session_id JOIN training t ON t.id = s.training_id
       WHERE e.status = 'inscrit' AND s.start_date <= @today
       GROUP BY s.id
       ORDER BY s.start_date, s.id`
    )
    .all({ today })
  let count = 0
  const items: DashboardItem[] = []
  for (const s of sessions) {
    if (sessionEntryState({ sessionStart: s.startDate, today, entriesRecorded: s.entered, expected: s.entered + s.waiting }, options) !== state) continue
    count += s.waiting
    if (items.length < ITEMS) {
      items.push({
        id: s.id,
        label: sessionName(s),
        detail: `${plural(s.waiting, 'entrée')} à saisir — session commencée le ${formatDateFr(s.startDate)}${s.entered > 0 ? `, ${plural(s.entered, 'entrée')} déjà saisie${s.entered > 1 ? 's' : ''}` : ''}`,
        date: s.startDate,
        target: { screen: 'enrolments', filter: { statuses: ['inscrit'], entry: state, sessionId: s.id, today } }
      })
    }
  }
  const label = key === 'entries_late' ? 'Entrées en retard (session commencée, délai de 3 jours dépassé)' : 'Entrées à saisir (session commencée)'
  return counter(key, label, count, key === 'entries_late' ? 'late' : 'todo', { screen: 'enrolments', filter: { statuses: ['inscrit'], entry: state, today } }, items)
}

// ---------------------------------------------------------------------------------------------
// KAIROS declarations

function declarations(env: Env, key: 'declarations_todo' | 'declarations_late'): DashboardCounter {
  const { db, today, options } = env
  const state = key === 'declarations_late' ? 'en_retard' : 'a_faire'
  const filter: EnrolmentFilter = { declaration: state, today }
  const count = countEnrolments(db, filter, today, options)
  const rows = count === 0 ? [] : listEnrolments(db, { ...filter, limit: ITEMS }, today, 'oldestPending')
  const items = rows.map((r): DashboardItem => {
    const p = r.pendingDeclaration
    const what = p ? `${EVENT_KIND_LABELS[p.kind as keyof typeof EVENT_KIND_LABELS] ?? p.kind} du ${formatDateFr(p.effectiveDate)}` : 'Déclaration'
    const when = p ? (p.state === 'en_retard' ? `à déclarer depuis le ${formatDateFr(p.dueDate)}` : `à déclarer au plus tard le ${formatDateFr(p.dueDate)}`) : ''
    return { id: r.id, label: personName(r), detail: `${what} ${when} — ${r.sessionLabel}`, date: p?.dueDate ?? null, target: oneEnrolment(r, today) }
  })
  const label = key === 'declarations_late' ? 'Déclarations KAIROS en retard' : 'Déclarations KAIROS à faire (délai de 3 jours)'
  return counter(key, label, count, key === 'declarations_late' ? 'late' : 'todo', { screen: 'enrolments', filter }, items)
}

function declarationsByAge(env: Env): Dashboard['declarationsByAge'] {
  const { db, today } = env
  const row = db
    .prepare<unknown[], { a: number; b: number; c: number; d: number }>(
      `SELECT count(*) FILTER (WHERE ev.effective_date >= @d3) AS a,
              count(*) FILTER (WHERE ev.effective_date < @d3 AND ev.effective_date >= @d7) AS b,
              count(*) FILTER (WHERE ev.effective_date < @d7 AND ev.effective_date >= @d30) AS c,
              count(*) FILTER (WHERE ev.effective_date < @d30) AS d
       FROM enrolment_event ev
       WHERE ev.requires_declaration = 1 AND ev.kairos_declared_on IS NULL AND ev.effective_date <= @today`
    )
    .get({ today, d3: addDays(today, -3), d7: addDays(today, -7), d30: addDays(today, -30) }) ?? { a: 0, b: 0, c: 0, d: 0 }
  return [
    { label: '0 à 3 jours', count: row.a },
    { label: '4 à 7 jours', count: row.b },
    { label: '8 à 30 jours', count: row.c },
    { label: 'Plus de 30 jours', count: row.d }
  ]
}

// ---------------------------------------------------------------------------------------------
// Validation by the prescriber

function toValidate(env: Env): DashboardCounter {
  const { db, today, options } = env
  const filter: EnrolmentFilter = { statuses: ['a_valider'], today }
  const count = countEnrolments(db, filter, today, options)
  const rows = count === 0 ? [] : listEnrolments(db, { ...filter, limit: ITEMS }, today, 'longestInStatus')
  const items = rows.map((r): DashboardItem => ({
    id: r.id,
    label: personName(r),
    detail: `En attente de validation depuis le ${formatDateFr(r.statusSince)} — ${r.sessionLabel}`,
    date: r.statusSince,
    target: oneEnrolment(r, today)
  }))
  return counter('to_validate', 'Inscriptions à valider par le prescripteur', count, 'todo', { screen: 'enrolments', filter }, items)
}

// ---------------------------------------------------------------------------------------------
// Recruitment

type AwaitingResult = {
  eventId: number
  kind: RecruitmentEventKind
  date: string
  sessionId: number
  label: string | null
  trainingTitle: string
  intercarifSessionId: string | null
  startDate: string | null
  n: number
}

function noResult(env: Env): DashboardCounter {
  const { db, today } = env
  const events = db
    .prepare<unknown[], AwaitingResult>(
      `SELECT r.id AS eventId, r.kind, r.date, s.id AS sessionId, s.label, t.title AS trainingTitle, s.intercarif_session_id AS intercarifSessionId,
              s.start_date AS startDate, count(*) AS n
       FROM registration g
       JOIN recruitment_event r ON r.id = g.event_id
       JOIN session s ON s.id = r.session_id
       JOIN training t ON t.id = s.training_id
       WHERE g.result IS NULL AND g.presence <> 'absent' AND r.cancelled_at IS NULL AND coalesce(r.end_date, r.date) < @today
       GROUP BY r.id
       ORDER BY r.date, r.id`
    )
    .all({ today })
  const count = events.reduce((n, e) => n + e.n, 0)
  const items = events.slice(0, ITEMS).map((e): DashboardItem => ({
    id: e.eventId,
    label: `${RECRUITMENT_EVENT_KINDS[e.kind]} du ${formatDateFr(e.date)}`,
    detail: `${plural(e.n, 'candidat')} sans résultat — ${sessionName(e)}`,
    date: e.date,
    target: { screen: 'recruitment', filter: { eventIds: [e.eventId] } }
  }))
  return counter(
    'no_result',
    'Candidats sans résultat après une réunion de recrutement',
    count,
    'todo',
    { screen: 'recruitment', filter: { eventIds: events.map((e) => e.eventId) } },
    items
  )
}

function noFutureSlot(env: Env): DashboardCounter {
  const warnings = listRecruitmentWarnings(env.db, env.today).filter((w) => w.kind === 'no_future_slot')
  const items = warnings.slice(0, ITEMS).map((w): DashboardItem => ({
    id: w.sessionId,
    label: w.message,
    detail: 'Ajoutez une information collective, un rendez-vous ou une période de candidature à venir, ou fermez le recrutement.',
    date: null,
    target: { screen: 'sessions', filter: { ids: [w.sessionId] } }
  }))
  return counter(
    'no_future_slot',
    'Sessions au recrutement ouvert sans créneau à venir',
    warnings.length,
    'todo',
    { screen: 'sessions', filter: { ids: warnings.map((w) => w.sessionId) } },
    items
  )
}

// ---------------------------------------------------------------------------------------------
// Monthly attendance

/**
 * Enrolments in training during `month` (entered by its last day, not left before its first)
 * whose month is not attested. Two index searches: those still in training, those who left.
 */
export function attendanceMissingQuery(month: string): { sql: string; params: Record<string, string> } {
  const notAttested = `NOT EXISTS (SELECT 1 FROM attendance_month m WHERE m.enrolment_id = e.id AND m.month = @month AND m.attested_at IS NOT NULL)`
  return {
    sql: `SELECT e.id, e.session_id AS sessionId FROM enrolment e
          WHERE e.status = 'entre' AND e.entry_date <= @monthEnd AND ${notAttested}
          UNION ALL
          SELECT e.id, e.session_id AS sessionId FROM enrolment e
          WHERE e.status IN ('sorti', 'abandon') AND e.exit_date >= @monthStart AND e.entry_date <= @monthEnd AND ${notAttested}`,
    params: { month, monthStart: `${month}-01`, monthEnd: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` }
  }
}

function attendance(env: Env, key: 'attendance_to_enter' | 'attendance_late'): DashboardCounter {
  const { db, today } = env
  const wanted = key === 'attendance_late' ? 'en_retard' : 'a_saisir'
  // The previous month is late when not attested; the current one is to enter from the 25th.
  const month = monthsToCheck(today).find((m) => attendanceState({ month: m, today, attested: false }) === wanted)
  const label = (m: string) => (key === 'attendance_late' ? `Assiduité ${deFr(monthName(m))} en retard` : `Assiduité ${deFr(monthName(m))} à saisir (à partir du 25)`)
  if (month === undefined) {
    const current = today.slice(0, 7)
    return counter(key, label(current), 0, 'todo', { screen: 'attendance', filter: { month: current, sessionIds: [] } }, [])
  }
  const q = attendanceMissingQuery(month)
  const rows = db.prepare<unknown[], { id: number; sessionId: number }>(q.sql).all(q.params)
  const bySession = new Map<number, number>()
  for (const r of rows) bySession.set(r.sessionId, (bySession.get(r.sessionId) ?? 0) + 1)
  const sessionIds = [...bySession.keys()].sort((a, b) => a - b)
  const names = sessionNames(db, sessionIds.slice(0, ITEMS))
  const items = sessionIds.slice(0, ITEMS).map((id): DashboardItem => ({
    id,
    label: names.get(id) ?? `Session n° ${id}`,
    detail: `${plural(bySession.get(id) ?? 0, 'stagiaire')} sans assiduité attestée pour ${monthName(month)}`,
    date: null,
    target: { screen: 'attendance', filter: { month, sessionIds: [id] } }
  }))
  return counter(key, label(month), rows.length, key === 'attendance_late' ? 'late' : 'todo', { screen: 'attendance', filter: { month, sessionIds } }, items)
}

function sessionNames(db: Db, ids: number[]): Map<number, string> {
  const rows = db
    .prepare<unknown[], { id: number; label: string | null; trainingTitle: string; intercarifSessionId: string | null; startDate: string | null }>(
      `SELECT s.id, s.label, t.title AS trainingTitle, s.intercarif_session_id AS intercarifSessionId, s.start_date AS startDate
       FROM session s JOIN training t ON t.id = s.training_id WHERE s.id IN (SELECT value FROM json_each(?))`
    )
    .all(JSON.stringify(ids))
  return new Map(rows.map((r) => [r.id, sessionName(r)]))
}

// ---------------------------------------------------------------------------------------------
// Exit reports and AIF quotes

type ExitDue = { id: number; lastName: string; firstName: string; status: 'sorti' | 'abandon'; exitDate: string | null; sessionId: number; label: string | null; trainingTitle: string; intercarifSessionId: string | null; startDate: string | null; endDate: string }

function exitReportsDue(env: Env): DashboardCounter {
  const { db, today } = env
  const ids = (
    db
      .prepare<unknown[], { id: number }>(
        `SELECT e.id FROM enrolment e JOIN session s ON s.id = e.session_id
         WHERE e.status IN ('sorti', 'abandon') AND s.end_date < @today
           AND NOT EXISTS (SELECT 1 FROM exit_report x WHERE x.enrolment_id = e.id)
         ORDER BY s.end_date, e.id`
      )
      .all({ today })
  ).map((r) => r.id)
  const first = db
    .prepare<unknown[], ExitDue>(
      `SELECT e.id, p.last_name AS lastName, p.first_name AS firstName, e.status, e.exit_date AS exitDate, s.id AS sessionId, s.label,
              t.title AS trainingTitle, s.intercarif_session_id AS intercarifSessionId, s.start_date AS startDate, s.end_date AS endDate
       FROM enrolment e JOIN trainee p ON p.id = e.trainee_id JOIN session s ON s.id = e.session_id JOIN training t ON t.id = s.training_id
       WHERE e.id IN (SELECT value FROM json_each(?))
       ORDER BY s.end_date, e.id`
    )
    .all(JSON.stringify(ids.slice(0, ITEMS)))
  const items = first.map((r): DashboardItem => ({
    id: r.id,
    label: personName(r),
    detail: `${r.status === 'abandon' ? 'Abandon' : 'Sortie'} le ${formatDateFr(r.exitDate)} — ${sessionName(r)} (terminée le ${formatDateFr(r.endDate)})`,
    date: r.exitDate,
    target: { screen: 'exitReports', filter: { enrolmentIds: [r.id] } }
  }))
  return counter('exit_reports_due', 'Bilans de fin de formation à rédiger', ids.length, 'todo', { screen: 'exitReports', filter: { enrolmentIds: ids } }, items)
}

type QuoteRow = { id: number; number: string; sentOn: string | null; lastName: string; firstName: string; label: string | null; trainingTitle: string; intercarifSessionId: string | null; startDate: string | null }

function quotesWaiting(env: Env): DashboardCounter {
  const rows = env.db
    .prepare<unknown[], QuoteRow>(
      `SELECT q.id, q.number, q.sent_on AS sentOn, p.last_name AS lastName, p.first_name AS firstName, s.label, t.title AS trainingTitle,
              s.intercarif_session_id AS intercarifSessionId, s.start_date AS startDate
       FROM aif_quote q JOIN trainee p ON p.id = q.trainee_id JOIN session s ON s.id = q.session_id JOIN training t ON t.id = s.training_id
       WHERE q.status IN ('sent', 'accepted')
       ORDER BY q.sent_on, q.id`
    )
    .all()
  const items = rows.slice(0, ITEMS).map((q): DashboardItem => ({
    id: q.id,
    label: `Devis ${q.number} — ${personName(q)}`,
    detail: `${q.sentOn ? `Déposé le ${formatDateFr(q.sentOn)}` : 'Déposé'}, en attente de la décision de France Travail — ${sessionName(q)}`,
    date: q.sentOn,
    target: { screen: 'quotes', filter: { ids: [q.id] } }
  }))
  return counter('quotes_waiting', 'Devis AIF en attente de réponse', rows.length, 'todo', { screen: 'quotes', filter: { ids: rows.map((q) => q.id) } }, items)
}

/** Draft quotes still to file in KAIROS, soonest deadline first (15 days before the entry; a later filing is only a warning). */
function quotesToFile(env: Env): DashboardCounter {
  const rows = env.db
    .prepare<[], QuoteRow & { quoteStart: string }>(
      `SELECT q.id, q.number, q.start_date AS quoteStart, s.start_date AS startDate, p.last_name AS lastName, p.first_name AS firstName, s.label, t.title AS trainingTitle,
              s.intercarif_session_id AS intercarifSessionId, NULL AS sentOn
       FROM aif_quote q JOIN trainee p ON p.id = q.trainee_id JOIN session s ON s.id = q.session_id JOIN training t ON t.id = s.training_id
       WHERE q.status = 'draft'
       ORDER BY q.start_date, q.id`
    )
    .all()
  const due = (q: { quoteStart: string }) => aifFilingState({ sessionStart: q.quoteStart, filedOn: null, today: env.today }).latestFilingDate
  const first = rows[0]
  const items = rows.slice(0, ITEMS).map((q): DashboardItem => ({
    id: q.id,
    label: `Devis ${q.number} — ${personName(q)}`,
    detail: `${due(q) < env.today ? 'En retard : à déposer au plus tard le' : 'À déposer avant le'} ${formatDateFr(due(q))} (entrée le ${formatDateFr(q.quoteStart)}) — ${sessionName(q)}`,
    date: due(q),
    target: { screen: 'quotes', filter: { ids: [q.id] } }
  }))
  const label = first ? `Devis AIF à déposer (avant le ${formatDateFr(due(first))})` : 'Devis AIF à déposer'
  return counter('quotes_to_file', label, rows.length, 'todo', { screen: 'quotes', filter: { ids: rows.map((q) => q.id) } }, items)
}

// ---------------------------------------------------------------------------------------------

const COUNTERS: Record<CounterKey, (env: Env) => DashboardCounter> = {
  entries_late: (env) => entries(env, 'entries_late'),
  entries_todo: (env) => entries(env, 'entries_todo'),
  declarations_late: (env) => declarations(env, 'declarations_late'),
  declarations_todo: (env) => declarations(env, 'declarations_todo'),
  attendance_late: (env) => attendance(env, 'attendance_late'),
  attendance_to_enter: (env) => attendance(env, 'attendance_to_enter'),
  to_validate: toValidate,
  no_result: noResult,
  no_future_slot: noFutureSlot,
  exit_reports_due: exitReportsDue,
  quotes_waiting: quotesWaiting,
  quotes_to_file: quotesToFile,
  invoices_to_deposit: (env) => invoicesToDeposit(env.db),
  invoices_unpaid_30: (env) => invoicesUnpaid(env.db, env.today, 30),
  invoices_unpaid_60: (env) => invoicesUnpaid(env.db, env.today, 60)
}

/** One counter alone (the benchmark and the tests measure and check them one by one). */
export function dashboardCounter(db: Db, key: CounterKey, today: string): DashboardCounter {
  return COUNTERS[key]({ db, today, options: holidayOptions(db) })
}

export function dashboardDeclarationsByAge(db: Db, today: string): Dashboard['declarationsByAge'] {
  return declarationsByAge({ db, today, options: holidayOptions(db) })
}

export function getDashboard(db: Db, today: string): Dashboard {
  const env: Env = { db, today, options: holidayOptions(db) }
  return {
    today,
    counters: COUNTER_KEYS.map((key) => COUNTERS[key](env)),
    declarationsByAge: declarationsByAge(env)
  }
}
