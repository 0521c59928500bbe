import { z } from 'zod'
import { command, query } from '../spec'
import { id, isoDate, optionalText } from '../fields'
import { NON_FUNDABLE_CODES, QUOTE_FUNDER_CODES, type QuoteAmounts, type QuoteFunder } from '../../domain/aifQuoteAmounts'
import type { QuoteFinding } from '../../domain/aifQuoteChecks'
import { QUOTE_STATUS_CODES, type QuoteAction, type QuoteStatus } from '../../domain/aifQuoteStatus'
import { SESSION_FUNDER_CODES, type SessionFunder } from '../../domain/aifQuoteFunding'
import { FUNDING_CODES, type Funding } from '../../domain/enrolment'

export type { QuoteStatus, QuoteAction } from '../../domain/aifQuoteStatus'
export type { QuoteFunder } from '../../domain/aifQuoteAmounts'

/** One AIF quote with its amounts (the domain's QuoteAmounts, in cents), hours (decimal hours), checks and the moves it allows. */
export type QuoteRow = {
  id: number
  number: string
  version: number
  supersedesId: number | null
  supersededById: number | null
  status: QuoteStatus
  statusLabel: string
  enrolmentId: number | null
  sessionId: number
  traineeId: number
  lastName: string
  firstName: string
  ftId: string | null
  sessionLabel: string | null
  trainingTitle: string
  intercarifSessionId: string | null
  sessionStart: string | null
  sessionEnd: string | null
  startDate: string
  endDate: string
  hoursCentre: number
  hoursCompany: number
  hoursTotal: number
  weeklyRhythm: string | null
  pricingMode: 'hourly' | 'flat'
  remainingCostReason: string | null
  cpfBalanceCents: number | null
  kairosReference: string | null
  sentOn: string | null
  acceptedOn: string | null
  answeredOn: string | null
  decisionReason: string | null
  comment: string | null
  /** The checks as of today: refusals block filing, warnings are shown and printed. */
  findings: QuoteFinding[]
  refusalCount: number
  warningCount: number
  /** Last day to file the quote 15 days before the start. */
  latestFilingDate: string
  actions: QuoteAction[]
  createdAt: string
  createdBy: string
  updatedAt: string
} & Omit<QuoteAmounts, 'hoursHundredths'>

/** An enrolment of a session, for creating quotes in one go. */
export type QuoteCandidate = {
  enrolmentId: number
  traineeId: number
  lastName: string
  firstName: string
  ftId: string | null
  status: string
  funding: string | null
  plannedStart: string | null
  plannedEnd: string | null
  /** The active quote of the enrolment, if any. */
  activeQuote: { id: number; number: string; status: QuoteStatus } | null
}

export type EnrolmentFundingInfo = {
  enrolmentId: number
  funding: Funding | null
  fundingReference: string | null
  /** The trainee's employer when they train as an employee (printed on the certificat de réalisation). */
  employerName: string | null
  sessionFunders: SessionFunder[]
  quote: { id: number; number: string; status: QuoteStatus; statusLabel: string } | null
}

export type QuoteSettings = { hourlyCeilingCents: number | null }

export type QuoteFilter = {
  status?: QuoteStatus[]
  sessionId?: number
  funder?: QuoteFunder
  ids?: number[]
}

const cents = (label: string) =>
  z
    .number({ error: `${label} : montant attendu.` })
    .int(`${label} : montant en centimes attendu.`)
    .min(0, `${label} ne peut être négatif.`)
    .max(100_000_000, `${label} : 1 000 000 € au maximum.`)
const hours = (label: string) =>
  z
    .number({ error: `${label} : nombre d’heures attendu.` })
    .min(0, `${label} ne peuvent être négatives.`)
    .max(5000, `${label} : 5 000 h au maximum.`)
    .refine((h) => Number.isInteger(Math.round(h * 100)) && Math.abs(h * 100 - Math.round(h * 100)) < 1e-6, `${label} : deux décimales au maximum.`)

const funders = z
  .array(z.object({ funder: z.enum(QUOTE_FUNDER_CODES, { error: 'Financeur inconnu.' }), amountCents: cents('Le montant du financeur') }).strict())
  .max(QUOTE_FUNDER_CODES.length)
  .refine((list) => new Set(list.map((f) => f.funder)).size === list.length, 'Un financeur figure deux fois.')
const extraLines = z
  .array(
    z
      .object({ kind: z.enum(NON_FUNDABLE_CODES, { error: 'Type de frais inconnu.' }), label: optionalText(120, 'Le libellé des frais'), amountCents: cents('Le montant des frais') })
      .strict()
  )
  .max(10)

const quoteChanges = z
  .object({
    startDate: isoDate('La date de début'),
    endDate: isoDate('La date de fin'),
    hoursCentre: hours('Les heures en centre'),
    hoursCompany: hours('Les heures en entreprise'),
    weeklyRhythm: optionalText(200, 'Le rythme hebdomadaire'),
    pricingMode: z.enum(['hourly', 'flat']),
    hourlyCents: cents('Le prix horaire').nullable(),
    totalCents: cents('Le coût pédagogique'),
    funders,
    franceTravailCents: cents('Le montant demandé à France Travail').nullable(),
    remainingCostReason: optionalText(300, 'Le motif du reste à charge'),
    cpfBalanceCents: cents('Le solde CPF').nullable(),
    extraLines,
    comment: optionalText(2000, 'Le commentaire')
  })
  .partial()
  .strict()

const date = isoDate('La date')

export const quoteOps = {
  'quotes:list': query<QuoteRow[]>()(
    z
      .object({
        status: z.array(z.enum(QUOTE_STATUS_CODES)).max(QUOTE_STATUS_CODES.length).optional(),
        sessionId: id.optional(),
        funder: z.enum(QUOTE_FUNDER_CODES).optional(),
        ids: z.array(id).max(5000).optional()
      })
      .strict()
  ),
  'quotes:get': query<QuoteRow>()(z.object({ id }).strict()),
  /** The enrolments of a session that may get a quote, with their active quote. */
  'quotes:candidates': query<QuoteCandidate[]>()(z.object({ sessionId: id }).strict()),
  /**
   * Drafts for several enrolments of one session in one go, prefilled from the enrolment, the
   * training, the organisation and the hours ledger. All or nothing: refused when one enrolment
   * already has an active quote or has no dates.
   */
  'quotes:create': command<QuoteRow[]>()(
    z
      .object({
        sessionId: id,
        enrolmentIds: z.array(id).min(1, 'Choisissez au moins un stagiaire.').max(200),
        /** Hourly price; by default the session's AIF teaching cost or the action's hourly price. */
        hourlyCents: cents('Le prix horaire').optional()
      })
      .strict()
  ),
  /** Changes a draft; a filed quote is refused (make a new version). */
  'quotes:update': command<QuoteRow>()(z.object({ id, changes: quoteChanges }).strict()),
  'quotes:transition': command<QuoteRow>()(
    z
      .object({
        id,
        action: z.enum(['file', 'accept', 'validate', 'refuse', 'cancel'], { error: 'Action inconnue.' }),
        date,
        reason: optionalText(500, 'Le motif'),
        kairosNumber: optionalText(40, 'Le numéro de devis KAIROS')
      })
      .strict()
  ),
  /** Bulk « marquer transmis »: all the drafts at one date, or none when one cannot be filed. */
  'quotes:markFiled': command<QuoteRow[]>()(z.object({ ids: z.array(id).min(1, 'Choisissez au moins un devis.').max(500), date }).strict()),
  /** A new draft version of a filed quote; the old one is kept, marked superseded. */
  'quotes:supersede': command<QuoteRow>()(z.object({ id }).strict()),
  /** The filtered list as a file: CSV (French Excel) or XLSX. */
  'quotes:export': query<{ fileName: string; mime: string; base64: string }>()(
    z
      .object({
        status: z.array(z.enum(QUOTE_STATUS_CODES)).max(QUOTE_STATUS_CODES.length).optional(),
        sessionId: id.optional(),
        funder: z.enum(QUOTE_FUNDER_CODES).optional(),
        ids: z.array(id).max(5000).optional(),
        format: z.enum(['csv', 'xlsx'])
      })
      .strict()
  ),
  /** A session's funders: teaching cost per hour or per place, contract or market reference. */
  'quotes:sessionFunding': query<SessionFunder[]>()(z.object({ sessionId: id }).strict()),
  'quotes:setSessionFunding': command<SessionFunder[]>()(
    z
      .object({
        sessionId: id,
        funders: z
          .array(
            z
              .object({
                code: z.enum(SESSION_FUNDER_CODES, { error: 'Financeur inconnu.' }),
                teachingCostCents: cents('Le coût pédagogique').nullable(),
                costUnit: z.enum(['hour', 'place']).nullable(),
                reference: optionalText(100, 'La référence du marché ou de la convention')
              })
              .strict()
          )
          .max(SESSION_FUNDER_CODES.length)
          .refine((list) => new Set(list.map((f) => f.code)).size === list.length, 'Un financeur figure deux fois.')
      })
      .strict()
  ),
  /** An enrolment's own funding (blank: the session's), and its AIF quote's status. */
  'quotes:enrolmentFunding': query<EnrolmentFundingInfo>()(z.object({ enrolmentId: id }).strict()),
  'quotes:setEnrolmentFunding': command<EnrolmentFundingInfo>()(
    z
      .object({
        enrolmentId: id,
        funding: z.enum(FUNDING_CODES, { error: 'Financement inconnu.' }).nullable(),
        fundingReference: optionalText(100, 'La référence du financement'),
        employerName: optionalText(120, 'L’employeur')
      })
      .strict()
  ),
  'quotes:settings': query<QuoteSettings>()(z.object({}).strict()),
  'quotes:setSettings': command<QuoteSettings>()(z.object({ hourlyCeilingCents: cents('Le plafond horaire').nullable() }).strict())
}
