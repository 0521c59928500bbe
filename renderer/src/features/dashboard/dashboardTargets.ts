import type { CounterTarget, DashboardCounter } from '@shared/api/areas/dashboard'
import type { IconName } from '../../components/Icon'
import { enrolmentsPath } from '../enrolments/enrolmentQuery'
import { invoicesPath } from '../invoices/invoicesQuery'
import { quotesPath } from '../quotes/quotesQuery'

/*
 * Where a counter or a to-do line of the dashboard leads. Pure: the page turns the answer into a
 * navigation, a look-up (a recruitment slot's session) or a panel listing the rows, for the
 * screens not built yet.
 */

export type TargetAction =
  | { kind: 'path'; path: string }
  /** One recruitment slot: its session is looked up, then the Recruitment screen opens on it. */
  | { kind: 'event'; eventId: number }
  /** No screen shows exactly these rows (yet): the dashboard lists them itself. */
  | { kind: 'panel'; note: string }

export function targetAction(target: CounterTarget): TargetAction {
  switch (target.screen) {
    case 'enrolments':
      return { kind: 'path', path: enrolmentsPath(target.filter) }
    case 'sessions': {
      const [only, ...rest] = target.filter.ids
      if (only !== undefined && rest.length === 0) return { kind: 'path', path: `/sessions/${only}` }
      return { kind: 'panel', note: 'Ouvrez chaque session pour lui ajouter un créneau de recrutement à venir, ou fermer son recrutement.' }
    }
    case 'recruitment': {
      const events = target.filter.eventIds ?? []
      const sessions = target.filter.sessionIds ?? []
      const [event, ...moreEvents] = events
      if (event !== undefined && moreEvents.length === 0) return { kind: 'event', eventId: event }
      const [session, ...moreSessions] = sessions
      if (events.length === 0 && session !== undefined && moreSessions.length === 0) return { kind: 'path', path: `/recrutement?session=${session}` }
      return { kind: 'panel', note: 'Ouvrez chaque réunion pour saisir la présence et le résultat de ses candidats.' }
    }
    case 'attendance': {
      // « Assiduité mensuelle » keeps its month and session in the address (#/assiduite?mois=…&session=…).
      const [only, ...rest] = target.filter.sessionIds
      if (rest.length > 0) return { kind: 'panel', note: 'Ouvrez l’assiduité de chaque session pour saisir et attester le mois.' }
      return { kind: 'path', path: `/assiduite?mois=${target.filter.month}${only !== undefined ? `&session=${only}` : ''}` }
    }
    case 'exitReports':
      return { kind: 'panel', note: 'Ouvrez l’onglet « Bilans » de chaque session pour saisir le bilan de ces personnes.' }
    case 'quotes':
      return { kind: 'path', path: quotesPath(target.filter.ids) }
    case 'invoices':
      return { kind: 'path', path: invoicesPath(target.filter.ids) }
  }
}

/** The Recruitment screen on one slot (past slots are shown when a session is chosen). */
export function recruitmentEventPath(sessionId: number, eventId: number): string {
  return `/recrutement?session=${sessionId}&creneau=${eventId}`
}

export type CounterKey = DashboardCounter['key']

export type CounterMeta = { group: string; icon: IconName; hint: string }

/** Grouping, icon and the rule behind each counter (shown under the count). */
export const COUNTER_META: Record<CounterKey, CounterMeta> = {
  entries_late: { group: 'Entrées en formation', icon: 'enrolments', hint: 'Session commencée, délai de 3 jours dépassé' },
  entries_todo: { group: 'Entrées en formation', icon: 'enrolments', hint: 'À saisir dans les 3 jours après le début' },
  declarations_late: { group: 'Déclarations KAIROS', icon: 'alert', hint: 'Entrée, interruption ou sortie non déclarée à temps' },
  declarations_todo: { group: 'Déclarations KAIROS', icon: 'check', hint: 'Encore dans le délai de 3 jours' },
  attendance_late: { group: 'Assiduité mensuelle', icon: 'attendance', hint: 'Mois précédent non attesté' },
  attendance_to_enter: { group: 'Assiduité mensuelle', icon: 'attendance', hint: 'Saisie ouverte à partir du 25' },
  to_validate: { group: 'Validation', icon: 'clock', hint: 'En attente du conseiller prescripteur' },
  no_result: { group: 'Recrutement', icon: 'recruitment', hint: 'Présents sans résultat après la réunion' },
  no_future_slot: { group: 'Recrutement', icon: 'calendar', hint: 'Aucune modalité de recrutement à venir' },
  exit_reports_due: { group: 'Fin de parcours', icon: 'documents', hint: 'Sortis d’une session terminée' },
  quotes_waiting: { group: 'Devis AIF', icon: 'quotes', hint: 'Déposés, sans décision de France Travail' },
  quotes_to_file: { group: 'Devis AIF', icon: 'quotes', hint: 'À déposer dans KAIROS 15 jours avant l’entrée' },
  invoices_to_deposit: { group: 'Factures', icon: 'quotes', hint: 'Émises à un financeur public, pas encore sur Chorus Pro' },
  invoices_unpaid_30: { group: 'Factures', icon: 'alert', hint: 'Un reste dû 30 jours après l’échéance' },
  invoices_unpaid_60: { group: 'Factures', icon: 'alert', hint: 'Un reste dû 60 jours après l’échéance' }
}

export const SEVERITY_LABELS: Record<DashboardCounter['severity'], string> = { ok: 'À jour', todo: 'À faire', late: 'En retard' }

/** Late counters first, then those to do, then the ones up to date; server order within each. */
export function counterOrder(counters: readonly DashboardCounter[]): DashboardCounter[] {
  const rank = { late: 0, todo: 1, ok: 2 } as const
  return counters
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank[a.c.severity] - rank[b.c.severity] || a.i - b.i)
    .map((x) => x.c)
}

/** Bar widths of the declarations-by-age chart, in percent of the largest bucket. */
export function barWidths(buckets: readonly { count: number }[]): number[] {
  const max = Math.max(0, ...buckets.map((b) => b.count))
  return buckets.map((b) => (max === 0 ? 0 : Math.max(b.count > 0 ? 4 : 0, Math.round((b.count / max) * 100))))
}

/**
 * A counter's label split for its tile: « Entrées en retard (session commencée, délai de 3 jours
 * dépassé) » → the title, and the words in brackets as the detail (else the rule of the counter).
 */
export function splitLabel(label: string, fallback: string): { title: string; detail: string } {
  const m = /^(.*?)\s*\((.+)\)\s*$/.exec(label)
  if (!m || !m[1] || !m[2]) return { title: label, detail: fallback }
  const detail = m[2]
  return { title: m[1], detail: detail.charAt(0).toLocaleUpperCase('fr') + detail.slice(1) }
}
