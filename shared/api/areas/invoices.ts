import { z } from 'zod'
import { command, query } from '../spec'
import { id, isoDate, optionalSiret, optionalText, text } from '../fields'
import type { InvoiceAmounts, LinePricing, VatMode } from '../../domain/invoiceAmounts'
import type { ConsistencyReport } from '../../domain/invoiceConsistency'
import type { FollowUp, InvoiceKind, InvoiceStatus } from '../../domain/invoiceRules'
import { checkSiren } from '../../domain/siret'

/** One invoice or credit note as the grid shows it (money in cents). */
export type InvoiceRow = {
  id: number
  kind: InvoiceKind
  status: InvoiceStatus
  followUp: FollowUp
  followUpLabel: string
  number: string | null
  issueDate: string
  dueDate: string | null
  sessionId: number | null
  sessionLabel: string | null
  enrolmentId: number | null
  funderCode: string | null
  buyerName: string
  buyerSiret: string | null
  vatMode: VatMode
  totalHtCents: number
  totalVatCents: number
  totalTtcCents: number
  paidCents: number
  creditedCents: number
  outstandingCents: number
  lastPaidOn: string | null
  daysOverdue: number
  chorusDepositedOn: string | null
  chorusNumber: string | null
  creditedInvoiceId: number | null
  creditedInvoiceNumber: string | null
  lineCount: number
}

export type InvoicePayment = { id: number; paidOn: string; amountCents: number; method: string | null; reference: string | null; createdBy: string }

export type InvoiceDetail = InvoiceRow & {
  buyerSiren: string | null
  buyerAddressLine1: string | null
  buyerAddressLine2: string | null
  buyerPostalCode: string | null
  buyerCity: string | null
  buyerServiceCode: string | null
  buyerEngagement: string | null
  contractReference: string | null
  note: string | null
  amounts: InvoiceAmounts
  payments: InvoicePayment[]
  creditNotes: { id: number; number: string | null; issueDate: string; totalTtcCents: number }[]
  issuedAt: string | null
  issuedBy: string | null
  consistencyOverrideReason: string | null
}

/** The result of trying to issue: issued, or the differences that block it. */
export type IssueResult = { issued: true; invoice: InvoiceDetail } | { issued: false; report: ConsistencyReport }

const cents = (label: string) =>
  z
    .number({ error: `${label} : montant attendu.` })
    .int(`${label} : montant en centimes attendu.`)
    .min(0, `${label} ne peut être négatif.`)
    .max(100_000_000, `${label} : 1 000 000 € au maximum.`)
const hundredths = (label: string) =>
  z
    .number({ error: `${label} : quantité attendue.` })
    .int(`${label} : deux décimales au maximum.`)
    .min(1, `${label} doit être positive.`)
    .max(1_000_000, `${label} : 10 000 au maximum.`)
const siren = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    if (s == null || s.trim() === '') return null
    const r = checkSiren(s)
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message })
      return z.NEVER
    }
    return r.value
  })

const line = z
  .object({
    label: text(200, 'Le libellé de la ligne'),
    traineeName: optionalText(120, 'Le stagiaire'),
    enrolmentId: id.nullable(),
    pricing: z.enum(['hourly', 'flat'] satisfies LinePricing[]),
    quantityHundredths: hundredths('La quantité'),
    unitPriceCents: cents('Le prix unitaire')
  })
  .strict()

const draftFields = z
  .object({
    issueDate: isoDate('La date de facture'),
    buyerName: text(200, 'Le client'),
    buyerSiret: optionalSiret,
    buyerSiren: siren,
    buyerAddressLine1: optionalText(200, 'L’adresse'),
    buyerAddressLine2: optionalText(200, 'Le complément d’adresse'),
    buyerPostalCode: optionalText(10, 'Le code postal'),
    buyerCity: optionalText(100, 'La ville'),
    buyerServiceCode: optionalText(100, 'Le code service'),
    buyerEngagement: optionalText(50, 'Le n° d’engagement juridique'),
    contractReference: optionalText(100, 'La référence du marché ou du contrat'),
    vatMode: z.enum(['exempt', 'standard'] satisfies VatMode[]),
    note: optionalText(500, 'La note'),
    lines: z.array(line).min(1, 'Une facture a au moins une ligne.').max(500)
  })
  .strict()

export type InvoiceFilter = { ids?: number[]; kind?: InvoiceKind; followUp?: FollowUp[]; year?: number; sessionId?: number; search?: string }
const filter = {
  ids: z.array(id).max(5000).optional(),
  kind: z.enum(['invoice', 'credit_note']).optional(),
  followUp: z.array(z.enum(['draft', 'issued', 'deposited', 'partially_paid', 'paid', 'credit_note', 'cancelled'])).max(7).optional(),
  year: z.number().int().min(2000).max(9999).optional(),
  sessionId: id.optional(),
  search: z.string().max(100).optional()
}

export type InvoiceSettings = { vatExempt: boolean; paymentTermsDays: number; iban: string | null }

export type SessionInvoiceFunder = { code: string; label: string; teachingCostCents: number | null; costUnit: 'hour' | 'place' | null; reference: string | null }

export const invoiceOps = {
  'invoices:list': query<InvoiceRow[]>()(z.object(filter).strict()),
  'invoices:get': query<InvoiceDetail>()(z.object({ id }).strict()),
  /** The funders a session can be invoiced to (its session_funder rows). */
  'invoices:sessionFunders': query<SessionInvoiceFunder[]>()(z.object({ sessionId: id }).strict()),
  /** A draft from a session for one funder: a line per trainee with the hours of the ledger as of the invoice date. */
  'invoices:createFromSession': command<InvoiceDetail>()(
    z
      .object({
        sessionId: id,
        funderCode: text(40, 'Le financeur'),
        issueDate: isoDate('La date de facture'),
        /** Only these enrolments (default: every one entered that this funder pays). */
        enrolmentIds: z.array(id).max(500).optional(),
        perTrainee: z.boolean().default(true)
      })
      .strict()
  ),
  /** A draft from an enrolment: from its validated AIF quote (hours done × the quote's hourly price, or its flat price). */
  'invoices:createFromEnrolment': command<InvoiceDetail>()(z.object({ enrolmentId: id, issueDate: isoDate('La date de facture') }).strict()),
  'invoices:updateDraft': command<InvoiceDetail>()(draftFields.extend({ id })),
  'invoices:deleteDraft': command<{ id: number }>()(z.object({ id }).strict()),
  /** The consistency check the issue runs, to show before issuing. */
  'invoices:check': query<ConsistencyReport | null>()(z.object({ id }).strict()),
  /** Issues a draft: number of the year given in the same transaction; blocked by differences unless overridden with a reason. */
  'invoices:issue': command<IssueResult>()(z.object({ id, overrideReason: optionalText(500, 'Le motif') }).strict()),
  'invoices:deposit': command<InvoiceDetail>()(
    z.object({ id, depositedOn: isoDate('La date de dépôt'), chorusNumber: text(50, 'Le numéro Chorus Pro') }).strict()
  ),
  'invoices:addPayment': command<InvoiceDetail>()(
    z
      .object({
        id,
        paidOn: isoDate('La date du paiement'),
        amountCents: cents('Le montant').min(1, 'Le montant doit être positif.'),
        method: z.enum(['transfer', 'cheque', 'card', 'other']).nullable().default('transfer'),
        reference: optionalText(100, 'La référence du paiement')
      })
      .strict()
  ),
  /** Issues a credit note cancelling an issued invoice in whole (no lines) or in part (quantities per line). */
  'invoices:creditNote': command<InvoiceDetail>()(
    z
      .object({
        id,
        issueDate: isoDate('La date de l’avoir'),
        reason: text(300, 'Le motif de l’avoir'),
        lines: z.array(z.object({ position: z.number().int().min(1), quantityHundredths: hundredths('La quantité') }).strict()).max(500).optional()
      })
      .strict()
  ),
  /** Writes the Factur-X PDF into the documents folder (« Factures/<année> ») and answers it too, to open or save. */
  'invoices:file': command<{ path: string; fileName: string; mime: string; base64: string }>()(z.object({ id }).strict()),
  /** Paramètres › Facturation: VAT exemption (art. 261-4-4° a du CGI), payment terms, IBAN. */
  'invoices:settings': query<InvoiceSettings>()(z.object({}).strict()),
  'invoices:setSettings': command<InvoiceSettings>()(
    z
      .object({
        vatExempt: z.boolean(),
        paymentTermsDays: z.number({ error: 'Délai de paiement : nombre de jours attendu.' }).int('Délai de paiement : nombre entier de jours.').min(0, 'Le délai de paiement ne peut être négatif.').max(60, 'Le délai de paiement ne peut dépasser 60 jours (art. L441-10 du Code de commerce).'),
        iban: z
          .string()
          .nullish()
          .transform((s) => (s == null || s.trim() === '' ? null : s.replace(/\s+/g, '').toUpperCase()))
          .refine((s) => s === null || /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s), 'IBAN invalide (exemple : FR76 3000 4000 0312 3456 7890 143).')
      })
      .strict()
  ),
  /** Invoice lines and payments for the accountant: one row per invoice line. */
  'invoices:export': query<{ fileName: string; mime: string; base64: string }>()(z.object({ ...filter, format: z.enum(['csv', 'xlsx']) }).strict())
}
