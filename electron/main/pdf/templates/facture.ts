import { formatDateFr } from '@shared/domain/dates'
import { hoursFr } from '@shared/domain/frenchFormat'
import { VAT_EXEMPTION_TEXT } from '@shared/domain/invoiceAmounts'
import { formatEuros } from '@shared/domain/money'
import { formatSiren, formatSiret } from '@shared/domain/siret'
import type { InvoiceDocument } from '../../services/invoices/invoiceDocument'
import { periodText, type Cell, type FieldRow, type Sheet } from '../layout'
import type { OrganisationIdentity } from '../types'

/*
 * The invoice or credit note page (domain.md §6): seller in the header, buyer and the Chorus Pro
 * references (service code, engagement juridique, contract, billing framework A1) in framed
 * blocks, the lines, the VAT breakdown and totals, then the legal mentions. Every amount printed
 * comes from the same InvoiceDocument as the embedded Factur-X XML.
 */

export type FactureData = { organisation: OrganisationIdentity; invoice: InvoiceDocument }

export const invoiceTitle = (d: InvoiceDocument): string => (d.kind === 'credit_note' ? `Avoir n° ${d.number}` : `Facture n° ${d.number}`)

function quantityText(l: InvoiceDocument['amounts']['lines'][number]): string {
  return l.unit === 'HUR' ? hoursFr(l.quantityHundredths / 100) : String(l.quantityHundredths / 100).replace('.', ',')
}

export function drawFacture(sheet: Sheet, data: FactureData): void {
  const d = data.invoice
  sheet.begin(data.organisation, d.kind === 'credit_note' ? 'Avoir' : 'Facture')
  const dates = [`du ${formatDateFr(d.issueDate)}`, d.dueDate && d.kind === 'invoice' ? `échéance le ${formatDateFr(d.dueDate)}` : null].filter(Boolean).join(' · ')
  sheet.title(invoiceTitle(d), dates)

  const b = d.buyer
  const address = [b.addressLine1, b.addressLine2, [b.postalCode, b.city].filter(Boolean).join(' ')].filter((s): s is string => Boolean(s)).join(', ')
  const buyer: FieldRow[] = [
    ['Client', b.name, 'wide'],
    ['Adresse', address || 'non renseignée', 'wide'],
    ['SIRET', b.siret ? formatSiret(b.siret) : '—'],
    ['SIREN', b.siren ? formatSiren(b.siren) : '—']
  ]
  sheet.fields(d.kind === 'credit_note' ? 'Client' : 'Facturé à', buyer, { columns: 2, size: 9.5 })

  const refs: FieldRow[] = [
    ['Code service', d.serviceCode ?? '—'],
    ['N° d’engagement juridique', d.engagement ?? '—'],
    ['Marché ou contrat', d.contractReference ?? '—', 'wide'],
    ['Cadre de facturation', 'A1 — dépôt par le fournisseur d’une facture', 'wide']
  ]
  if (d.preceding) refs.unshift(['Facture d’origine', `n° ${d.preceding.number} du ${formatDateFr(d.preceding.issueDate)}`, 'wide'])
  if (d.subject) refs.push(['Objet', d.subject, 'wide'])
  if (d.period) refs.push(['Période', periodText(d.period.from, d.period.to), 'wide'])
  sheet.fields('Références (Chorus Pro)', refs, { columns: 2, size: 9.5 })

  const w = sheet.width
  sheet.heading(d.kind === 'credit_note' ? 'Détail de l’avoir' : 'Détail de la facture')
  sheet.table({
    columns: [{ width: w * 0.06, align: 'right' }, { width: w * 0.5 }, { width: w * 0.13, align: 'right' }, { width: w * 0.14, align: 'right' }, { width: w * 0.17, align: 'right' }],
    header: [['N°', 'Désignation', 'Quantité', 'Prix unit. HT', 'Montant HT']],
    rows: d.amounts.lines.map((l): Cell[] => [String(l.position), l.label, quantityText(l), formatEuros(l.unitPriceCents), formatEuros(l.netCents)]),
    fontSize: 8.5,
    zebra: true
  })

  const tot = d.amounts.totals
  const vatRows: Cell[][] = d.amounts.breakdown.map((v): Cell[] =>
    v.category === 'E' ? [`TVA (exonération) sur ${formatEuros(v.taxableCents)}`, formatEuros(v.vatCents)] : [`TVA ${v.ratePercent} % sur ${formatEuros(v.taxableCents)}`, formatEuros(v.vatCents)]
  )
  sheet.table({
    columns: [{ width: w * 0.7, align: 'right' }, { width: w * 0.3, align: 'right' }],
    header: [['Totaux', 'Montant']],
    rows: [
      ['Total HT', formatEuros(tot.taxBasisCents)],
      ...vatRows,
      [{ text: 'Total TTC', weight: 'bold' }, { text: formatEuros(tot.grandTotalCents), weight: 'bold' }],
      [{ text: d.kind === 'credit_note' ? 'Montant de l’avoir' : 'Net à payer', weight: 'bold', fill: '#eef2f7' }, { text: formatEuros(tot.dueCents), weight: 'bold', fill: '#eef2f7' }]
    ],
    fontSize: 9
  })
  if (d.vatMode === 'exempt') sheet.paragraph(VAT_EXEMPTION_TEXT, { weight: 'bold', size: 9, gap: 6 })

  const seller = d.seller
  if (d.kind === 'credit_note') {
    sheet.heading('Imputation')
    const of = d.preceding ? ` la facture n° ${d.preceding.number} du ${formatDateFr(d.preceding.issueDate)}` : ''
    sheet.paragraph(`Cet avoir vient en déduction des sommes dues au titre de${of || ' la facture d’origine'} ; un montant déjà réglé est remboursé par virement.`, { size: 8.5, gap: 4, align: 'left' })
    if (seller.vatNumber) sheet.paragraph(`N° de TVA intracommunautaire : ${seller.vatNumber}.`, { size: 8.5, gap: 4, align: 'left' })
    for (const n of d.notes) sheet.paragraph(n.text, { size: 8, gap: 3, color: '#5b6470', align: 'left' })
    return
  }
  sheet.heading('Règlement')
  const payment = [
    d.dueDate && d.kind === 'invoice' ? `Échéance : ${formatDateFr(d.dueDate)}.` : null,
    seller.iban ? `Virement sur le compte IBAN ${seller.iban}, en rappelant le n° ${d.number}.` : null,
    seller.vatNumber ? `N° de TVA intracommunautaire : ${seller.vatNumber}.` : null
  ].filter((s): s is string => s !== null)
  if (payment.length) sheet.paragraph(payment.join(' '), { size: 8.5, gap: 4, align: 'left' })
  for (const n of d.notes) sheet.paragraph(n.text, { size: 8, gap: 3, color: '#5b6470', align: 'left' })
}
