import { computeInvoiceAmounts, type InvoiceLineInput, type VatMode } from '@shared/domain/invoiceAmounts'
import { frenchVatNumber, legalNotes, type InvoiceKind } from '@shared/domain/invoiceRules'
import type { InvoiceDocument, InvoiceParty, InvoiceSeller } from '../../electron/main/services/invoices/invoiceDocument'

export const SELLER: InvoiceSeller = {
  name: 'Atelier Formation Bretagne Sud',
  siret: '84327159300025',
  siren: '843271593',
  vatNumber: frenchVatNumber('843271593'),
  addressLine1: '27 boulevard Cosmao Dumanoir',
  addressLine2: null,
  postalCode: '56100',
  city: 'Lorient',
  country: 'FR',
  legalForm: 'SAS',
  nda: '53560912356',
  email: 'contact@afbs.fr',
  phone: '02 97 00 00 00',
  iban: 'FR76 3000 4000 0312 3456 7890 143'
}

export const REGION: InvoiceParty = {
  name: 'Région Bretagne',
  siret: '23350001600040',
  siren: '233500016',
  vatNumber: null,
  addressLine1: '283 avenue du Général Patton',
  addressLine2: 'CS 21101',
  postalCode: '35711',
  city: 'Rennes',
  country: 'FR'
}

export const traineeLine = (name: string, hundredths: number, priceCents = 1250): InvoiceLineInput => ({
  label: `Heures de formation réalisées — ${name}`,
  traineeName: name,
  enrolmentId: null,
  pricing: 'hourly',
  quantityHundredths: hundredths,
  unitPriceCents: priceCents
})

export function invoiceDocument(options: { kind?: InvoiceKind; vatMode?: VatMode; lines?: InvoiceLineInput[]; number?: string } = {}): InvoiceDocument {
  const kind = options.kind ?? 'invoice'
  const vatMode = options.vatMode ?? 'exempt'
  const lines = options.lines ?? [traineeLine('Alice Durand', 14000), traineeLine('Bruno Le Gall', 13350), traineeLine('Chloé Martin', 3.5 * 100 * 10)]
  return {
    kind,
    number: options.number ?? (kind === 'invoice' ? '2027-00042' : '2027-00043'),
    issueDate: '2027-01-31',
    dueDate: '2027-03-02',
    seller: SELLER,
    buyer: REGION,
    serviceCode: 'FORMATION-PRO',
    engagement: '2100456789',
    contractReference: 'Marché 2026-04 lot 3',
    preceding: kind === 'credit_note' ? { number: '2027-00042', issueDate: '2027-01-31' } : null,
    period: { from: '2027-01-01', to: '2027-01-31' },
    subject: 'Secrétaire assistant(e) — SA Lorient – décembre 2026',
    vatMode,
    amounts: computeInvoiceAmounts(lines, vatMode),
    paymentTermsDays: 30,
    notes: legalNotes(30)
  }
}
