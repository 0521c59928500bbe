import { formatDateFr } from './dates'
import { hoursFr } from './frenchFormat'

/*
 * The consistency check before invoicing (issue 14, item 4): funders reject an invoice whose hours
 * disagree with the sign-in sheets, the certificat de réalisation or the declared entry and exit
 * dates. For each trainee the hours of the ledger (the sign-in sheets and attendance, as of the
 * check's date) must equal the hours printed on the last certificat de réalisation and the hours
 * invoiced; the days present must lie between the declared entry and exit dates; the months must be
 * attested; no hours may be entered in the future. Pure: the service gathers the facts.
 */

export const DIFFERENCE_KINDS = {
  certificate_hours: 'Heures du certificat de réalisation',
  certificate_missing: 'Certificat de réalisation manquant',
  invoice_hours: 'Heures facturées',
  entry_date: 'Date d’entrée',
  exit_date: 'Date de sortie',
  undeclared_date: 'Déclaration KAIROS',
  presence_outside: 'Présence hors période',
  month_not_attested: 'Mois non attesté',
  future_hours: 'Heures dans le futur'
} as const
export type DifferenceKind = keyof typeof DIFFERENCE_KINDS
export const DIFFERENCE_KIND_CODES = Object.keys(DIFFERENCE_KINDS) as [DifferenceKind, ...DifferenceKind[]]

/** Where the clerk fixes a difference: a renderer route and its query parameters. */
export type ConsistencyFix = { route: string; params: Record<string, string>; label: string }

export type ConsistencyDifference = {
  enrolmentId: number
  traineeName: string
  kind: DifferenceKind
  /** What the reference says (the ledger, the declared date…), French-formatted. */
  expected: string
  /** What was found elsewhere, French-formatted. */
  found: string
  message: string
  fix: ConsistencyFix
}

export type ConsistencyReport = { ok: boolean; asOf: string; checkedEnrolments: number; differences: ConsistencyDifference[] }

/** An entry or exit event as recorded, with its KAIROS declaration. */
export type DeclaredDate = { date: string; declaredOn: string | null; requiresDeclaration: boolean }

/** Everything the rules need about one enrolment (gathered by the service). */
export type ConsistencyFacts = {
  enrolmentId: number
  sessionId: number
  traineeName: string
  status: string
  entryDate: string | null
  exitDate: string | null
  entryEvent: DeclaredDate | null
  exitEvent: DeclaredDate | null
  /** Hours attended + in a company, from the hours ledger as of the check's date. */
  ledgerHours: number
  /** First and last day with hours attended or in a company, up to the check's date, whatever the window. */
  firstPresent: string | null
  lastPresent: string | null
  /** Days with hours or a company period before entry or after exit (up to the check's date). */
  presentOutside: string[]
  /** Days after the check's date with hours entered. */
  futureDays: string[]
  /** Months from entry to the end (or the check's date) that are not attested. */
  unattestedMonths: string[]
  /** The last certificat de réalisation generated: null when none; hours null when the register did not keep them. */
  certificate: { hours: number | null; generatedAt: string } | null
  /** Hours on the invoices (net of credit notes); null when no invoice concerns the enrolment. */
  invoicedHours: number | null
}

const EXITED = new Set(['sorti', 'abandon'])
const hundredths = (n: number): number => Math.round(n * 100)

/** Months [from, to] as yyyy-mm. */
export function monthsFromTo(from: string, to: string): string[] {
  const out: string[] = []
  let m = from.slice(0, 7)
  const last = to.slice(0, 7)
  while (m <= last) {
    out.push(m)
    const y = Number(m.slice(0, 4))
    const mm = Number(m.slice(5, 7))
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`
  }
  return out
}

/**
 * The months that must be attested before invoicing: from entry to exit, or up to the check's
 * month while the trainee is still in training — the current month only once its 25th has passed
 * (attendance is attested from the 25th, docs/domain.md).
 */
export function monthsToAttest(entryDate: string | null, exitDate: string | null, asOf: string): string[] {
  if (!entryDate || entryDate > asOf) return []
  const end = exitDate !== null && exitDate <= asOf ? exitDate : asOf
  const months = monthsFromTo(entryDate, end)
  const current = asOf.slice(0, 7)
  const exitedThisMonth = exitDate !== null && exitDate <= asOf && exitDate.slice(0, 7) === current
  if (months[months.length - 1] === current && !exitedThisMonth && Number(asOf.slice(8, 10)) < 25) months.pop()
  return months
}

const monthFr = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`
const listFr = (items: readonly string[], max = 4): string => `${items.slice(0, max).join(', ')}${items.length > max ? `… (${items.length})` : ''}`

/** The differences of one enrolment, in a stable order (hours first, then dates, then the grid). */
export function enrolmentDifferences(f: ConsistencyFacts, asOf: string): ConsistencyDifference[] {
  const out: ConsistencyDifference[] = []
  const base = { enrolmentId: f.enrolmentId, traineeName: f.traineeName }
  const attendance = (month: string): ConsistencyFix => ({ route: '/assiduite', params: { mois: month, session: String(f.sessionId) }, label: 'Ouvrir l’assiduité' })
  const enrolments: ConsistencyFix = { route: `/sessions/${f.sessionId}/entrees`, params: {}, label: 'Ouvrir les entrées et sorties' }
  const certificates: ConsistencyFix = { route: `/sessions/${f.sessionId}/bilans`, params: {}, label: 'Ouvrir les bilans et certificats' }
  const exited = EXITED.has(f.status)
  const ledger = hoursFr(f.ledgerHours)

  if (f.certificate === null) {
    if (exited) {
      out.push({
        ...base,
        kind: 'certificate_missing',
        expected: ledger,
        found: 'aucun',
        message: `Aucun certificat de réalisation n’a été généré : le financeur le demande avec la facture (${ledger} réalisées d’après l’émargement).`,
        fix: certificates
      })
    }
  } else if (f.certificate.hours === null) {
    out.push({
      ...base,
      kind: 'certificate_hours',
      expected: ledger,
      found: 'inconnues',
      message: `Le certificat de réalisation du ${formatDateFr(f.certificate.generatedAt.slice(0, 10))} a été généré avant que le registre ne garde ses heures : régénérez-le pour pouvoir le comparer.`,
      fix: certificates
    })
  } else if (hundredths(f.certificate.hours) !== hundredths(f.ledgerHours)) {
    out.push({
      ...base,
      kind: 'certificate_hours',
      expected: ledger,
      found: hoursFr(f.certificate.hours),
      message: `Le certificat de réalisation du ${formatDateFr(f.certificate.generatedAt.slice(0, 10))} indique ${hoursFr(f.certificate.hours)}, l’émargement ${ledger} : corrigez l’assiduité ou le bilan, puis régénérez le certificat.`,
      fix: certificates
    })
  }

  if (f.invoicedHours !== null && hundredths(f.invoicedHours) !== hundredths(f.ledgerHours)) {
    out.push({
      ...base,
      kind: 'invoice_hours',
      expected: ledger,
      found: hoursFr(f.invoicedHours),
      message: `La facturation porte sur ${hoursFr(f.invoicedHours)}, l’émargement sur ${ledger} : corrigez la facture (ou émettez un avoir) ou l’assiduité.`,
      fix: { route: '/devis-factures', params: { session: String(f.sessionId) }, label: 'Ouvrir les factures' }
    })
  }

  if (f.entryDate !== null && f.firstPresent !== null && f.firstPresent > f.entryDate) {
    out.push({
      ...base,
      kind: 'entry_date',
      expected: formatDateFr(f.entryDate),
      found: formatDateFr(f.firstPresent),
      message: `Entrée déclarée le ${formatDateFr(f.entryDate)}, mais le premier jour de présence est le ${formatDateFr(f.firstPresent)}.`,
      fix: enrolments
    })
  }
  if (f.entryDate !== null && f.firstPresent === null && f.entryDate <= asOf) {
    out.push({
      ...base,
      kind: 'entry_date',
      expected: formatDateFr(f.entryDate),
      found: 'aucune présence',
      message: `Entrée déclarée le ${formatDateFr(f.entryDate)}, mais aucune heure de présence n’est saisie.`,
      fix: attendance(f.entryDate.slice(0, 7))
    })
  }
  if (exited && f.exitDate !== null && f.lastPresent !== null && f.lastPresent < f.exitDate) {
    out.push({
      ...base,
      kind: 'exit_date',
      expected: formatDateFr(f.exitDate),
      found: formatDateFr(f.lastPresent),
      message: `Sortie déclarée le ${formatDateFr(f.exitDate)}, mais le dernier jour de présence est le ${formatDateFr(f.lastPresent)}.`,
      fix: enrolments
    })
  }
  for (const [event, noun] of [
    [f.entryEvent, 'L’entrée'],
    [f.exitEvent, 'La sortie']
  ] as const) {
    if (event === null || !event.requiresDeclaration) continue
    if (event.declaredOn === null) {
      out.push({ ...base, kind: 'undeclared_date', expected: 'déclarée', found: 'non déclarée', message: `${noun} du ${formatDateFr(event.date)} n’est pas déclarée dans KAIROS.`, fix: enrolments })
    }
  }
  if (f.entryEvent !== null && f.entryDate !== null && f.entryEvent.date !== f.entryDate) {
    out.push({
      ...base,
      kind: 'undeclared_date',
      expected: formatDateFr(f.entryDate),
      found: formatDateFr(f.entryEvent.date),
      message: `La date d’entrée de l’inscription (${formatDateFr(f.entryDate)}) diffère de celle de l’événement déclaré (${formatDateFr(f.entryEvent.date)}).`,
      fix: enrolments
    })
  }

  if (f.presentOutside.length > 0) {
    const first = f.presentOutside[0] ?? asOf
    out.push({
      ...base,
      kind: 'presence_outside',
      expected: f.entryDate ? `du ${formatDateFr(f.entryDate)} au ${f.exitDate ? formatDateFr(f.exitDate) : '…'}` : 'aucune présence avant l’entrée',
      found: listFr(f.presentOutside.map((d) => formatDateFr(d))),
      message: `Des heures sont saisies en dehors de la période d’entrée–sortie : ${listFr(f.presentOutside.map((d) => formatDateFr(d)))}.`,
      fix: attendance(first.slice(0, 7))
    })
  }
  if (f.unattestedMonths.length > 0) {
    out.push({
      ...base,
      kind: 'month_not_attested',
      expected: 'attesté',
      found: listFr(f.unattestedMonths.map(monthFr)),
      message: `Assiduité non attestée pour ${f.unattestedMonths.length === 1 ? 'le mois' : 'les mois'} ${listFr(f.unattestedMonths.map(monthFr))}.`,
      fix: attendance(f.unattestedMonths[0] ?? asOf.slice(0, 7))
    })
  }
  if (f.futureDays.length > 0) {
    out.push({
      ...base,
      kind: 'future_hours',
      expected: `rien après le ${formatDateFr(asOf)}`,
      found: listFr(f.futureDays.map((d) => formatDateFr(d))),
      message: `Des heures sont saisies pour des jours à venir : ${listFr(f.futureDays.map((d) => formatDateFr(d)))}.`,
      fix: attendance((f.futureDays[0] ?? asOf).slice(0, 7))
    })
  }
  return out
}

/** The report of a set of enrolments: ok when no difference is left. */
export function consistencyReport(facts: readonly ConsistencyFacts[], asOf: string): ConsistencyReport {
  const differences = facts.flatMap((f) => enrolmentDifferences(f, asOf))
  return { ok: differences.length === 0, asOf, checkedEnrolments: facts.length, differences }
}
