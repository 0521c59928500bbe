import type { InvoiceAmounts, VatMode } from '@shared/domain/invoiceAmounts'
import type { InvoiceKind } from '@shared/domain/invoiceRules'

/*
 * Everything an issued invoice or credit note says, in one typed value: the PDF page and the
 * Factur-X XML are both drawn from it, so they cannot say different things.
 */

export type InvoiceParty = {
  name: string
  siret: string | null
  siren: string | null
  vatNumber: string | null
  addressLine1: string | null
  addressLine2: string | null
  postalCode: string | null
  city: string | null
  country: string
}

export type InvoiceSeller = InvoiceParty & {
  legalForm: string | null
  nda: string | null
  email: string | null
  phone: string | null
  iban: string | null
}

export type InvoiceDocument = {
  kind: InvoiceKind
  number: string
  issueDate: string
  dueDate: string | null
  seller: InvoiceSeller
  buyer: InvoiceParty
  /** Chorus Pro « code service » (BT-10). */
  serviceCode: string | null
  /** Engagement juridique (BT-13, the buyer's order reference for Chorus Pro). */
  engagement: string | null
  /** Contract or market reference (BT-12). */
  contractReference: string | null
  /** The invoice a credit note cancels (BT-25/BT-26). */
  preceding: { number: string; issueDate: string } | null
  /** Training period invoiced (BG-14). */
  period: { from: string; to: string } | null
  /** What is invoiced, printed under the title (the training and session). */
  subject: string | null
  vatMode: VatMode
  amounts: InvoiceAmounts
  paymentTermsDays: number
  notes: { subject: 'AAB' | 'PMD' | 'PMT'; text: string }[]
}
