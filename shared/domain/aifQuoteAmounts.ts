/*
 * AIF quote amounts (domain.md §4, §6). Money is integer cents and hours are integer hundredths
 * of an hour, so that no binary float ever enters a sum: 4 199,99 € split over three funders
 * adds up to exactly 419 999 cents.
 *
 * What the AIF pays: the teaching cost only (coût pédagogique). Registration, material and exam
 * fees are never part of the AIF request: such lines are kept apart (« non finançable par
 * l'AIF ») and stay out of the total the funders share.
 */

/** Other funders of a quote, in the order they are mobilised (CPF first, the person last). */
export const QUOTE_FUNDERS = {
  cpf: 'CPF (compte personnel de formation)',
  region: 'Conseil régional',
  opco: 'OPCO',
  employer: 'Employeur',
  person: 'Participation du stagiaire'
} as const
export type QuoteFunder = keyof typeof QUOTE_FUNDERS
export const QUOTE_FUNDER_CODES = Object.keys(QUOTE_FUNDERS) as [QuoteFunder, ...QuoteFunder[]]

/** Extra cost lines a training may carry; none of them is fundable by the AIF. */
export const NON_FUNDABLE_LINES = {
  registration: 'Frais d’inscription',
  material: 'Matériel pédagogique',
  exam: 'Frais d’examen ou de certification',
  other: 'Autres frais'
} as const
export type NonFundableKind = keyof typeof NON_FUNDABLE_LINES
export const NON_FUNDABLE_CODES = Object.keys(NON_FUNDABLE_LINES) as [NonFundableKind, ...NonFundableKind[]]

export type FunderAmount = { funder: QuoteFunder; amountCents: number }
export type ExtraLine = { kind: NonFundableKind; label: string | null; amountCents: number }

/** Hours (possibly typed as 7.5 or read from the ledger as a float sum) to integer hundredths. */
export function toHundredths(hours: number): number {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Heures invalides : ${hours}`)
  // Through the decimal string: 1.005 * 100 would give 100.49999….
  const text = String(hours)
  return text.includes('e') ? Math.round(hours * 100) : Math.round(Number(`${text}e2`))
}

export const fromHundredths = (h: number): number => h / 100

function requireCents(name: string, n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} : montant en centimes attendu, reçu ${n}`)
}

/** a / b rounded half up, for non-negative safe integers (no float division). */
function divRound(a: number, b: number): number {
  const q = Math.floor(a / b)
  const r = a - q * b
  return r * 2 >= b ? q + 1 : q
}

/** Teaching cost = hourly price × hours, rounded to the cent (half up). */
export function teachingCostCents(hourlyCents: number, hoursHundredths: number): number {
  requireCents('Prix horaire', hourlyCents)
  requireCents('Heures', hoursHundredths)
  if (hourlyCents < 0 || hoursHundredths < 0) throw new RangeError('Prix horaire et heures positifs attendus')
  return divRound(hourlyCents * hoursHundredths, 100)
}

/** The hourly price a flat total amounts to (for the ceiling check and the printed quote). */
export function hourlyFromTotal(totalCents: number, hoursHundredths: number): number | null {
  requireCents('Total', totalCents)
  if (hoursHundredths <= 0) return null
  return divRound(totalCents * 100, hoursHundredths)
}

/**
 * Shares a total in proportion to weights, to the cent, and exactly: the cents left after
 * rounding down go to the largest remainders (first ones on a tie). 419 999 over [1, 1, 1] gives
 * [140 000, 140 000, 139 999].
 */
export function allocateCents(totalCents: number, weights: readonly number[]): number[] {
  requireCents('Total', totalCents)
  if (totalCents < 0) throw new RangeError('Total négatif')
  if (weights.length === 0) return []
  for (const w of weights) if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`Poids invalide : ${w}`)
  const sum = weights.reduce((a, w) => a + w, 0)
  if (sum === 0) return weights.map(() => 0)
  const base = weights.map((w) => Math.floor((totalCents * w) / sum))
  const remainders = weights.map((w, i) => ({ i, r: totalCents * w - (base[i] ?? 0) * sum }))
  let left = totalCents - base.reduce((a, b) => a + b, 0)
  remainders.sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of remainders) {
    if (left === 0) break
    base[i] = (base[i] ?? 0) + 1
    left--
  }
  return base
}

export type QuotePricing = { mode: 'hourly'; hourlyCents: number } | { mode: 'flat'; totalCents: number }

export type QuoteAmountsInput = {
  hoursHundredths: number
  pricing: QuotePricing
  /** Other funders; the same funder at most once. */
  funders: readonly FunderAmount[]
  /** The amount asked of France Travail; null = what the other funders leave. */
  franceTravailCents: number | null
  extraLines?: readonly ExtraLine[]
}

export type QuoteAmounts = {
  hoursHundredths: number
  /** Hourly price (given, or derived from a flat total); null for a flat price over 0 hours. */
  hourlyCents: number | null
  /** Fundable teaching cost: what the funders share. */
  totalCents: number
  /** The other funders in mobilisation order (CPF first), zero amounts left out. */
  funders: FunderAmount[]
  othersCents: number
  franceTravailCents: number
  /** total − others − France Travail: what nobody funds (normally 0). Negative when over-funded. */
  remainingCents: number
  /** Lines the AIF never pays, shown apart. */
  extraLines: ExtraLine[]
  extraCents: number
}

/** Every amount of a quote, in cents. Pure and exact: the checks then judge the result. */
export function computeQuoteAmounts(input: QuoteAmountsInput): QuoteAmounts {
  const { hoursHundredths, pricing } = input
  requireCents('Heures', hoursHundredths)
  const totalCents = pricing.mode === 'hourly' ? teachingCostCents(pricing.hourlyCents, hoursHundredths) : pricing.totalCents
  requireCents('Total', totalCents)
  const hourlyCents = pricing.mode === 'hourly' ? pricing.hourlyCents : hourlyFromTotal(totalCents, hoursHundredths)
  const order = new Map(QUOTE_FUNDER_CODES.map((c, i) => [c, i]))
  const funders = input.funders
    .filter((f) => f.amountCents !== 0)
    .map((f) => {
      requireCents(QUOTE_FUNDERS[f.funder], f.amountCents)
      return { funder: f.funder, amountCents: f.amountCents }
    })
    .sort((a, b) => (order.get(a.funder) ?? 0) - (order.get(b.funder) ?? 0))
  const othersCents = funders.reduce((a, f) => a + f.amountCents, 0)
  const franceTravailCents = input.franceTravailCents ?? Math.max(0, totalCents - othersCents)
  requireCents('Montant demandé à France Travail', franceTravailCents)
  const extraLines = (input.extraLines ?? []).map((l) => ({ ...l }))
  for (const l of extraLines) requireCents(NON_FUNDABLE_LINES[l.kind], l.amountCents)
  return {
    hoursHundredths,
    hourlyCents,
    totalCents,
    funders,
    othersCents,
    franceTravailCents,
    remainingCents: totalCents - othersCents - franceTravailCents,
    extraLines,
    extraCents: extraLines.reduce((a, l) => a + l.amountCents, 0)
  }
}
