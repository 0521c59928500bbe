/*
 * Invoice amounts in integer cents, rounded the way EN 16931 computes them, so that the printed
 * page, the stored totals and the Factur-X XML can never disagree by a cent:
 * - a line's net amount (BT-131) = quantity × unit price, rounded to the cent (half up);
 * - VAT is computed once per rate on the sum of the line nets of that rate (BT-116 × BT-119),
 *   rounded to the cent — never per line then summed;
 * - BT-106 = Σ BT-131; no allowances or charges at document level, so BT-109 = BT-106;
 *   BT-110 = Σ BT-117; BT-112 = BT-109 + BT-110; BT-115 = BT-112 − BT-113 (nothing prepaid).
 * Quantities are hours in integer hundredths (12,5 h = 1250) like the quotes.
 */

export type VatMode = 'exempt' | 'standard'
export const VAT_MODES: Record<VatMode, string> = { exempt: 'Exonérée de TVA', standard: 'TVA 20 %' }
export const STANDARD_VAT_PERCENT = 20
export const VAT_EXEMPTION_TEXT = 'Exonération de TVA, article 261-4-4° a du CGI'

export type LinePricing = 'hourly' | 'flat'

export type InvoiceLineInput = {
  label: string
  /** The trainee the line is for (a line per trainee), null for a line per action. */
  traineeName: string | null
  enrolmentId: number | null
  pricing: LinePricing
  /** Hours in hundredths for an hourly line; 100 (one unit) for a fixed price. */
  quantityHundredths: number
  unitPriceCents: number
}

export type InvoiceLine = InvoiceLineInput & {
  position: number
  /** UN/ECE rec. 20: HUR (hour) or C62 (one, a fixed price). */
  unit: 'HUR' | 'C62'
  vatRatePercent: number
  netCents: number
}

/** One row of the VAT breakdown (BG-23). */
export type VatBreakdown = {
  /** UNCL5305: E exempt, S standard rate. */
  category: 'E' | 'S'
  ratePercent: number
  taxableCents: number
  vatCents: number
  exemptionReason: string | null
}

export type InvoiceTotals = {
  /** BT-106 Sum of invoice line net amounts. */
  lineTotalCents: number
  /** BT-109 Invoice total amount without VAT. */
  taxBasisCents: number
  /** BT-110 Invoice total VAT amount. */
  vatCents: number
  /** BT-112 Invoice total amount with VAT. */
  grandTotalCents: number
  /** BT-113 Paid amount. */
  prepaidCents: number
  /** BT-115 Amount due for payment. */
  dueCents: number
}

export type InvoiceAmounts = { lines: InvoiceLine[]; breakdown: VatBreakdown[]; totals: InvoiceTotals }

/** Half up for the non-negative amounts of an invoice (a credit note carries positive amounts too). */
function roundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator)) throw new RangeError('Montant hors limites.')
  return Math.floor((2 * numerator + denominator) / (2 * denominator))
}

/** BT-131: quantity (hundredths) × unit price (cents), to the cent. */
export function lineNetCents(quantityHundredths: number, unitPriceCents: number): number {
  return roundHalfUp(quantityHundredths * unitPriceCents, 100)
}

export function vatRateFor(mode: VatMode): number {
  return mode === 'exempt' ? 0 : STANDARD_VAT_PERCENT
}

export function computeInvoiceAmounts(inputs: readonly InvoiceLineInput[], mode: VatMode): InvoiceAmounts {
  const rate = vatRateFor(mode)
  const lines = inputs.map(
    (l, i): InvoiceLine => ({
      ...l,
      position: i + 1,
      unit: l.pricing === 'hourly' ? 'HUR' : 'C62',
      vatRatePercent: rate,
      netCents: lineNetCents(l.quantityHundredths, l.unitPriceCents)
    })
  )
  // One rate per invoice today (exempt or 20 %), but the breakdown is per rate as EN 16931 wants.
  const byRate = new Map<number, number>()
  for (const l of lines) byRate.set(l.vatRatePercent, (byRate.get(l.vatRatePercent) ?? 0) + l.netCents)
  const breakdown = [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([ratePercent, taxableCents]): VatBreakdown => ({
        category: ratePercent === 0 ? 'E' : 'S',
        ratePercent,
        taxableCents,
        vatCents: roundHalfUp(taxableCents * ratePercent, 100),
        exemptionReason: ratePercent === 0 ? VAT_EXEMPTION_TEXT : null
      })
    )
  const lineTotalCents = lines.reduce((s, l) => s + l.netCents, 0)
  const vatCents = breakdown.reduce((s, b) => s + b.vatCents, 0)
  const grandTotalCents = lineTotalCents + vatCents
  return {
    lines,
    breakdown,
    totals: { lineTotalCents, taxBasisCents: lineTotalCents, vatCents, grandTotalCents, prepaidCents: 0, dueCents: grandTotalCents }
  }
}

/** « 1234.50 »: the CII amount format (two decimals, a dot, no grouping). */
export function ciiAmount(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** « 12.50 »: a quantity in hundredths for the CII. */
export function ciiQuantity(hundredths: number): string {
  return ciiAmount(hundredths)
}

/** Hours typed by the clerk (« 12,5 ») to hundredths; null when not a positive number with at most 2 decimals. */
export function parseHundredths(input: string): number | null {
  const s = input.trim().replace(',', '.')
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null
  const [whole = '0', fraction = ''] = s.split('.')
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  return value > 0 && Number.isSafeInteger(value) ? value : null
}

/** Hours (a float from the ledger) to hundredths, rounded once. */
export function hoursToHundredths(hours: number): number {
  return Math.round(hours * 100)
}
