import { addDays, diffDays } from './dates'
import { formatEuros } from './money'

/*
 * The rules of an invoice besides its amounts: numbering, due date, legal mentions (Code de
 * commerce L441-9, L441-10, D441-5), the follow-up status a clerk sees and the VAT number a
 * Factur-X seller carries.
 */

export type InvoiceKind = 'invoice' | 'credit_note'
/** UNCL1001: 380 commercial invoice, 381 credit note. */
export const INVOICE_TYPE_CODES: Record<InvoiceKind, '380' | '381'> = { invoice: '380', credit_note: '381' }
export const INVOICE_KIND_LABELS: Record<InvoiceKind, string> = { invoice: 'Facture', credit_note: 'Avoir' }

/** « 2027-00042 »: the year, then the rank in the year on five digits. */
export function formatInvoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999 || !Number.isInteger(sequence) || sequence < 1 || sequence > 99999) {
    throw new RangeError(`Numéro de facture impossible : ${year}/${sequence}.`)
  }
  return `${year}-${String(sequence).padStart(5, '0')}`
}

export function parseInvoiceNumber(number: string): { year: number; sequence: number } | null {
  const m = /^(\d{4})-(\d{5})$/.exec(number)
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : null
}

/** The civil year whose sequence numbers an invoice: its invoice date's. */
export const invoiceYear = (issueDate: string): number => Number(issueDate.slice(0, 4))

/** Due date: the invoice date plus the payment terms (Paramètres), within the 60 days of L441-10. */
export function dueDate(issueDate: string, paymentTermsDays: number): string {
  return addDays(issueDate, Math.min(60, Math.max(0, Math.trunc(paymentTermsDays))))
}

export const LATE_PENALTY_TEXT =
  'En cas de retard de paiement, des pénalités de retard sont exigibles au taux de trois fois le taux d’intérêt légal, à compter du jour suivant la date d’échéance (art. L441-10 du Code de commerce).'
export const RECOVERY_INDEMNITY_CENTS = 4000
export const RECOVERY_INDEMNITY_TEXT = `Indemnité forfaitaire pour frais de recouvrement due en cas de retard de paiement : ${formatEuros(RECOVERY_INDEMNITY_CENTS).replace('\u00a0', ' ')} (art. D441-5 du Code de commerce).`
export const NO_DISCOUNT_TEXT = 'Pas d’escompte pour paiement anticipé.'

export function paymentTermsText(days: number): string {
  return days === 0 ? 'Paiement à réception de la facture.' : `Paiement à ${days} jours à compter de la date de facture, par virement.`
}

/** Notes in the order the page prints them and the XML carries them (UNCL4451 subject codes). */
export function legalNotes(paymentTermsDays: number): { subject: 'AAB' | 'PMD' | 'PMT'; text: string }[] {
  return [
    { subject: 'AAB', text: `${paymentTermsText(paymentTermsDays)} ${NO_DISCOUNT_TEXT}` },
    { subject: 'PMD', text: LATE_PENALTY_TEXT },
    { subject: 'PMT', text: RECOVERY_INDEMNITY_TEXT }
  ]
}

/** French intra-community VAT number from the SIREN: FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatNumber(siren: string): string {
  if (!/^\d{9}$/.test(siren)) throw new RangeError('SIREN invalide.')
  const key = (12 + 3 * (Number(siren) % 97)) % 97
  return `FR${String(key).padStart(2, '0')}${siren}`
}

export type InvoiceStatus = 'draft' | 'issued'
export type PaymentState = 'unpaid' | 'partial' | 'paid'

/** What the grid shows: brouillon, émise, déposée, payée partiellement or totalement, avoir. */
export type FollowUp = 'draft' | 'issued' | 'deposited' | 'partially_paid' | 'paid' | 'credit_note' | 'cancelled'
export const FOLLOW_UP_LABELS: Record<FollowUp, string> = {
  draft: 'Brouillon',
  issued: 'Émise',
  deposited: 'Déposée sur Chorus Pro',
  partially_paid: 'Payée partiellement',
  paid: 'Payée',
  credit_note: 'Avoir',
  cancelled: 'Annulée par avoir'
}

export type FollowUpInput = {
  kind: InvoiceKind
  status: InvoiceStatus
  totalCents: number
  paidCents: number
  creditedCents: number
  chorusDepositedOn: string | null
}

/** What is still to be paid: the total less payments and credit notes. */
export const outstandingCents = (i: Pick<FollowUpInput, 'totalCents' | 'paidCents' | 'creditedCents'>): number => Math.max(0, i.totalCents - i.paidCents - i.creditedCents)

export function followUp(i: FollowUpInput): FollowUp {
  if (i.kind === 'credit_note') return i.status === 'draft' ? 'draft' : 'credit_note'
  if (i.status === 'draft') return 'draft'
  if (i.creditedCents >= i.totalCents && i.paidCents === 0) return 'cancelled'
  if (outstandingCents(i) === 0) return 'paid'
  if (i.paidCents > 0) return 'partially_paid'
  return i.chorusDepositedOn !== null ? 'deposited' : 'issued'
}

/** Days past the due date as of a day (0 when not yet due). */
export function daysOverdue(due: string | null, asOf: string): number {
  return due === null ? 0 : Math.max(0, diffDays(due, asOf))
}

/** A credit note may cancel at most what is left of the invoice once earlier credit notes are counted. */
export function creditableCents(invoiceTotalCents: number, earlierCreditNotesCents: number): number {
  return Math.max(0, invoiceTotalCents - earlierCreditNotesCents)
}

/** Public buyers (State, regions, France Travail) take invoices only through Chorus Pro: a SIRET and usually a service code. */
export function needsChorus(funderCode: string | null): boolean {
  return funderCode === 'region' || funderCode === 'france_travail' || funderCode === 'aif'
}
