import { CADRE_C, CADRE_F1, CADRE_F3, F3_UNKNOWN_LEVEL, F4_NAMED, OUTSIDE_DATA, cadreCLine, cadreF1Line, cadreF3Line, type BpfLineDef, type CategoryFacts, type ObjectiveFacts } from './bpfLines'

/*
 * The BPF (cerfa 10443) of a fiscal year, aggregated from plain facts (pure; the service reads
 * them): cadre C from the invoices issued in the year minus the credit notes of the year (amounts
 * hors taxes, integer cents); cadre F from the enrolments with hours done in the year (the hours
 * ledger over the year, hundredths summed as integers). Every figure keeps what it was made of
 * (the drill-down): the invoices or the enrolments.
 */

export type BpfInvoice = {
  id: number
  number: string
  kind: 'invoice' | 'credit_note'
  funderCode: string | null
  buyerName: string
  issueDate: string
  /** Hors taxes, positive for both kinds (a credit note is subtracted). */
  totalHtCents: number
}

export type BpfEnrolment = CategoryFacts &
  ObjectiveFacts & {
    enrolmentId: number
    traineeName: string
    sessionLabel: string
    trainingTitle: string
    /** NSF specialty code (LHEO « domaine-formation »), the first one when several. */
    nsfCode: string | null
    formacode: string | null
    /** Hours done in the fiscal year (attended + in a company), from the ledger. */
    hours: number
  }

export type BpfInvoiceRef = { id: number; number: string; kind: 'invoice' | 'credit_note'; buyerName: string; issueDate: string; signedCents: number }
export type BpfEnrolmentRef = { enrolmentId: number; traineeName: string; sessionLabel: string; hours: number }

export type BpfLine = {
  code: string
  label: string
  /** Cadre C: income in cents (null when « à compléter » and nothing found). */
  amountCents: number | null
  /** Cadre F: trainees and hours. */
  trainees: number | null
  hours: number | null
  /** Why the data cannot hold the figure (« à compléter »); null when the figure is complete. */
  toComplete: string | null
  invoices: BpfInvoiceRef[]
  enrolments: BpfEnrolmentRef[]
}

export type BpfSection = { id: 'C' | 'F1' | 'F3' | 'F4'; title: string; lines: BpfLine[]; total: BpfLine }

export type BpfReport = { year: number; from: string; to: string; sections: BpfSection[]; toComplete: { code: string; label: string; reason: string }[] }

const emptyLine = (def: BpfLineDef): BpfLine => ({ code: def.code, label: def.label, amountCents: null, trainees: null, hours: null, toComplete: def.toComplete ?? null, invoices: [], enrolments: [] })
const h = (n: number): number => Math.round(n * 100)

/** Cadre C: each invoice of the year on its funder type's line, credit notes subtracted. */
export function cadreC(invoices: readonly BpfInvoice[]): BpfSection {
  const lines = CADRE_C.map((def) => ({ ...emptyLine(def), amountCents: def.toComplete ? null : 0 }))
  const byCode = new Map(lines.map((l) => [l.code, l]))
  for (const inv of invoices) {
    const line = byCode.get(cadreCLine(inv.funderCode))
    if (!line) continue
    const signed = inv.kind === 'credit_note' ? -inv.totalHtCents : inv.totalHtCents
    line.amountCents = (line.amountCents ?? 0) + signed
    line.invoices.push({ id: inv.id, number: inv.number, kind: inv.kind, buyerName: inv.buyerName, issueDate: inv.issueDate, signedCents: signed })
  }
  const total: BpfLine = {
    ...emptyLine({ code: 'C-total', label: 'Total des produits réalisés au titre de la formation professionnelle' }),
    amountCents: lines.reduce((a, l) => a + (l.amountCents ?? 0), 0),
    invoices: lines.flatMap((l) => l.invoices)
  }
  return { id: 'C', title: 'Cadre C — Bilan financier hors taxes : origine des produits de l’organisme', lines, total }
}

function addEnrolment(line: BpfLine, e: BpfEnrolment): void {
  line.trainees = (line.trainees ?? 0) + 1
  line.hours = (h(line.hours ?? 0) + h(e.hours)) / 100
  line.enrolments.push({ enrolmentId: e.enrolmentId, traineeName: e.traineeName, sessionLabel: e.sessionLabel, hours: e.hours })
}

/** `extra`: a line shown only when it holds someone (a figure the clerk must place by hand). */
function enrolmentSection(id: 'F1' | 'F3', title: string, defs: readonly BpfLineDef[], lineOf: (e: BpfEnrolment) => string, enrolments: readonly BpfEnrolment[], extra: BpfLineDef | null = null): BpfSection {
  const lines = defs.map((def) => ({ ...emptyLine(def), trainees: 0, hours: 0 }))
  const extraLine = extra ? { ...emptyLine(extra), trainees: 0, hours: 0 } : null
  const byCode = new Map([...lines, ...(extraLine ? [extraLine] : [])].map((l) => [l.code, l]))
  for (const e of enrolments) {
    const line = byCode.get(lineOf(e))
    if (line) addEnrolment(line, e)
  }
  if (extraLine && (extraLine.trainees ?? 0) > 0) lines.push(extraLine)
  const total = { ...emptyLine({ code: `${id === 'F1' ? 'F-1' : 'F-3'}-total`, label: 'Total' }), trainees: 0, hours: 0 }
  for (const e of enrolments) addEnrolment(total, e)
  return { id, title, lines, total }
}

/** F-4: the five specialties with the most hours by name (NSF code), then the others together. */
export function cadreF4(enrolments: readonly BpfEnrolment[]): BpfSection {
  const groups = new Map<string, { line: BpfLine; titles: Set<string> }>()
  const unknown: BpfLine = { ...emptyLine({ code: 'F-4?', label: 'Spécialité inconnue (code NSF absent du catalogue)' }), trainees: 0, hours: 0 }
  for (const e of enrolments) {
    if (!e.nsfCode) {
      addEnrolment(unknown, e)
      continue
    }
    const g = groups.get(e.nsfCode) ?? { line: { ...emptyLine({ code: `NSF ${e.nsfCode}`, label: '' }), trainees: 0, hours: 0 }, titles: new Set<string>() }
    addEnrolment(g.line, e)
    g.titles.add(e.trainingTitle)
    groups.set(e.nsfCode, g)
  }
  const ranked = [...groups.values()]
    .map((g) => ({ ...g.line, label: `Spécialité NSF ${g.line.code.slice(4)} (${[...g.titles].sort().join(' ; ')})` }))
    .sort((a, b) => h(b.hours ?? 0) - h(a.hours ?? 0) || a.code.localeCompare(b.code))
  const lines = ranked.slice(0, F4_NAMED).map((l, i) => ({ ...l, code: `F-4-${i + 1}` }))
  const rest = ranked.slice(F4_NAMED)
  if (rest.length > 0) {
    const others: BpfLine = { ...emptyLine({ code: 'F-4-autres', label: 'Autres spécialités' }), trainees: 0, hours: 0 }
    for (const l of rest) {
      others.trainees = (others.trainees ?? 0) + (l.trainees ?? 0)
      others.hours = (h(others.hours ?? 0) + h(l.hours ?? 0)) / 100
      others.enrolments.push(...l.enrolments)
    }
    lines.push(others)
  }
  if ((unknown.trainees ?? 0) > 0) {
    const formacodes = [...new Set(enrolments.filter((e) => !e.nsfCode).map((e) => e.formacode ?? '—'))].sort()
    lines.push({ ...unknown, toComplete: `spécialité NSF à rattacher à la main (formacode ${formacodes.join(', ')})` })
  }
  const total = { ...emptyLine({ code: 'F-4-total', label: 'Total' }), trainees: 0, hours: 0 }
  for (const e of enrolments) addEnrolment(total, e)
  return { id: 'F4', title: 'Cadre F-4 — Spécialités de formation', lines, total }
}

/** The whole report: cadre C, then F-1, F-3 and F-4, and the list of lines to complete. */
export function bpfReport(year: number, invoices: readonly BpfInvoice[], enrolments: readonly BpfEnrolment[]): BpfReport {
  const trained = enrolments.filter((e) => h(e.hours) > 0)
  const sections = [
    cadreC(invoices),
    enrolmentSection('F1', 'Cadre F-1 — Type de stagiaires de l’organisme', CADRE_F1, cadreF1Line, trained),
    enrolmentSection('F3', 'Cadre F-3 — Objectif général des prestations dispensées', CADRE_F3, cadreF3Line, trained, F3_UNKNOWN_LEVEL),
    cadreF4(trained)
  ]
  const toComplete = [...sections.flatMap((s) => s.lines.flatMap((l) => (l.toComplete ? [{ code: l.code, label: l.label, reason: l.toComplete }] : []))), ...OUTSIDE_DATA]
  return { year, from: `${year}-01-01`, to: `${year}-12-31`, sections, toComplete }
}
