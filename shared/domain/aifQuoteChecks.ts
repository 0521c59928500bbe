import { formatDateFr } from './dates'
import { aifFilingState } from './deadlines'
import { formatHours } from './hours'
import { formatEuros } from './money'
import { NON_FUNDABLE_LINES, QUOTE_FUNDERS, type FunderAmount, type QuoteAmounts } from './aifQuoteAmounts'

/*
 * The rules an AIF quote must satisfy (domain.md §4), each a pure function of what the quote
 * says. A refusal blocks filing the quote; a warning is printed on it and shown to the clerk.
 */

export type QuoteFinding = { code: QuoteCheckCode; level: 'refusal' | 'warning'; message: string }

export type QuoteCheckCode =
  | 'no_hours'
  | 'no_cost'
  | 'dates_order'
  | 'dates_outside_session'
  | 'qualiopi_missing'
  | 'qualiopi_expired'
  | 'cpf_covers'
  | 'cpf_first'
  | 'duplicate_funder'
  | 'over_funded'
  | 'nothing_asked'
  | 'remaining_cost'
  | 'remaining_cost_stated'
  | 'hourly_ceiling'
  | 'late_filing'
  | 'active_quote_exists'
  | 'not_fundable_lines'

/** Default ceiling of the hourly price above which the quote is flagged (app setting `quotes.hourlyCeilingCents`). */
export const DEFAULT_HOURLY_CEILING_CENTS = 1500

export type QuoteCheckInput = {
  amounts: QuoteAmounts
  /** The funder lines as entered (before zero lines are dropped), to catch a funder given twice. */
  enteredFunders?: readonly FunderAmount[]
  /** The CPF balance the trainee declared; null when not known. */
  cpfBalanceCents: number | null
  /** Why the trainee keeps a remaining cost (the rule is 0 unless stated). */
  remainingCostReason: string | null
  /** The trainee's plan dates, which the quote covers. */
  startDate: string
  endDate: string
  session: { startDate: string | null; endDate: string | null }
  qualiopi: { number: string | null; validUntil: string | null }
  /** null: no ceiling configured. */
  hourlyCeilingCents: number | null
  /** Filing date in KAIROS (null while not filed) and today's date. */
  filedOn: string | null
  today: string
  /** Other quotes of the same enrolment still active (draft, filed, accepted, validated). */
  otherActiveQuotes: readonly { number: string; statusLabel: string }[]
}

export type QuoteCheckResult = { refusals: QuoteFinding[]; warnings: QuoteFinding[]; findings: QuoteFinding[] }

const refusal = (code: QuoteCheckCode, message: string): QuoteFinding => ({ code, level: 'refusal', message })
const warning = (code: QuoteCheckCode, message: string): QuoteFinding => ({ code, level: 'warning', message })

export function checkQuoteDates(i: Pick<QuoteCheckInput, 'startDate' | 'endDate' | 'session'>): QuoteFinding[] {
  if (i.endDate < i.startDate) return [refusal('dates_order', `La fin du parcours (${formatDateFr(i.endDate)}) précède son début (${formatDateFr(i.startDate)}).`)]
  const { startDate: s, endDate: e } = i.session
  if ((s !== null && i.startDate < s) || (e !== null && i.endDate > e)) {
    return [
      refusal(
        'dates_outside_session',
        `Les dates du devis (du ${formatDateFr(i.startDate)} au ${formatDateFr(i.endDate)}) doivent être comprises dans celles de la session (du ${s ? formatDateFr(s) : '?'} au ${e ? formatDateFr(e) : '?'}).`
      )
    ]
  }
  return []
}

export function checkQualiopi(i: Pick<QuoteCheckInput, 'qualiopi' | 'startDate'>): QuoteFinding[] {
  const { number, validUntil } = i.qualiopi
  if (!number || !validUntil) {
    return [refusal('qualiopi_missing', 'L’organisme doit justifier d’une certification Qualiopi valide : renseignez son numéro et sa date de validité dans les Paramètres.')]
  }
  if (validUntil < i.startDate) {
    return [refusal('qualiopi_expired', `La certification Qualiopi (n° ${number}) expire le ${formatDateFr(validUntil)}, avant l’entrée en formation du ${formatDateFr(i.startDate)} : pas d’AIF sans certification valide.`)]
  }
  return []
}

/** CPF first: no AIF while the CPF (plus the person's own contribution) covers the cost; else the CPF is used up first. */
export function checkCpfFirst(i: Pick<QuoteCheckInput, 'amounts' | 'cpfBalanceCents'>): QuoteFinding[] {
  const { amounts, cpfBalanceCents } = i
  if (cpfBalanceCents === null || cpfBalanceCents <= 0 || amounts.totalCents <= 0) return []
  const own = amounts.funders.find((f) => f.funder === 'person')?.amountCents ?? 0
  if (cpfBalanceCents + own >= amounts.totalCents) {
    return [
      refusal(
        'cpf_covers',
        `Le solde CPF (${formatEuros(cpfBalanceCents)})${own > 0 ? ` et la participation du stagiaire (${formatEuros(own)}) couvrent` : ' couvre'} le coût pédagogique (${formatEuros(amounts.totalCents)}) : pas d’AIF, la formation se finance par le CPF.`
      )
    ]
  }
  const cpf = amounts.funders.find((f) => f.funder === 'cpf')?.amountCents ?? 0
  if (cpf < cpfBalanceCents) {
    return [refusal('cpf_first', `Le CPF se mobilise en premier : solde de ${formatEuros(cpfBalanceCents)}, ${cpf === 0 ? 'rien de mobilisé' : `${formatEuros(cpf)} mobilisés`} dans le devis.`)]
  }
  return []
}

export function checkAmountsAddUp(i: Pick<QuoteCheckInput, 'amounts' | 'remainingCostReason' | 'enteredFunders'>): QuoteFinding[] {
  const a = i.amounts
  const out: QuoteFinding[] = []
  if (a.hoursHundredths <= 0) out.push(refusal('no_hours', 'Le devis ne compte aucune heure de formation.'))
  if (a.totalCents <= 0) out.push(refusal('no_cost', 'Le coût pédagogique du devis est nul.'))
  const seen = new Set<string>()
  for (const f of i.enteredFunders ?? a.funders) {
    if (seen.has(f.funder)) out.push(refusal('duplicate_funder', `Le financeur « ${QUOTE_FUNDERS[f.funder]} » figure deux fois.`))
    seen.add(f.funder)
  }
  if (a.funders.some((f) => f.amountCents < 0) || a.franceTravailCents < 0) out.push(refusal('over_funded', 'Un montant de financement est négatif.'))
  if (a.totalCents > 0 && a.franceTravailCents <= 0) out.push(refusal('nothing_asked', 'Les autres financeurs couvrent tout le coût : rien n’est à demander à France Travail.'))
  if (a.remainingCents < 0) {
    out.push(refusal('over_funded', `Les financements (${formatEuros(a.othersCents + a.franceTravailCents)}) dépassent le coût pédagogique (${formatEuros(a.totalCents)}) de ${formatEuros(-a.remainingCents)}.`))
  } else if (a.remainingCents > 0) {
    const reason = i.remainingCostReason?.trim()
    if (reason) out.push(warning('remaining_cost_stated', `Reste à charge du stagiaire : ${formatEuros(a.remainingCents)} (${reason}).`))
    else out.push(refusal('remaining_cost', `Les financements n’atteignent pas le coût pédagogique : reste à charge de ${formatEuros(a.remainingCents)}. Il doit être nul, sauf motif indiqué.`))
  }
  if (a.extraLines.length > 0) {
    const list = a.extraLines.map((l) => `${l.label ?? NON_FUNDABLE_LINES[l.kind]} ${formatEuros(l.amountCents)}`).join(', ')
    out.push(warning('not_fundable_lines', `Non finançable par l’AIF, présenté à part et hors montant demandé : ${list}.`))
  }
  return out
}

export function checkHourlyCeiling(i: Pick<QuoteCheckInput, 'amounts' | 'hourlyCeilingCents'>): QuoteFinding[] {
  const h = i.amounts.hourlyCents
  if (i.hourlyCeilingCents === null || h === null || h <= i.hourlyCeilingCents) return []
  return [warning('hourly_ceiling', `Prix horaire de ${formatEuros(h)} au-dessus du plafond de ${formatEuros(i.hourlyCeilingCents)} : France Travail vérifie que le coût horaire est raisonnable (${formatHours(i.amounts.hoursHundredths / 100)} h).`)]
}

export function checkFiling(i: Pick<QuoteCheckInput, 'startDate' | 'filedOn' | 'today'>): QuoteFinding[] {
  const state = aifFilingState({ sessionStart: i.startDate, filedOn: i.filedOn, today: i.today })
  return state.message ? [warning('late_filing', state.message)] : []
}

export function checkOneActive(i: Pick<QuoteCheckInput, 'otherActiveQuotes'>): QuoteFinding[] {
  const other = i.otherActiveQuotes[0]
  if (!other) return []
  return [refusal('active_quote_exists', `Un devis est déjà en cours pour cette inscription (n° ${other.number}, ${other.statusLabel.toLowerCase()}) : annulez-le ou faites-en une nouvelle version.`)]
}

/** Every rule, refusals first in the order a clerk fixes them. */
export function checkQuote(i: QuoteCheckInput): QuoteCheckResult {
  const findings = [
    ...checkOneActive(i),
    ...checkQuoteDates(i),
    ...checkQualiopi(i),
    ...checkCpfFirst(i),
    ...checkAmountsAddUp(i),
    ...checkHourlyCeiling(i),
    ...checkFiling(i)
  ]
  const refusals = findings.filter((f) => f.level === 'refusal')
  const warnings = findings.filter((f) => f.level === 'warning')
  return { refusals, warnings, findings: [...refusals, ...warnings] }
}
