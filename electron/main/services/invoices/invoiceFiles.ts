import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '@shared/api/result'
import { frenchVatNumber, legalNotes } from '@shared/domain/invoiceRules'
import type { Db } from '../../db/open'
import { loadOrganisation } from '../documents/documentSources'
import { documentsRoot } from '../documents/documentRegister'
import { renderFacturX, type FacturX } from './facturxPdf'
import type { InvoiceDocument } from './invoiceDocument'
import { getInvoice } from './invoiceQueries'

/*
 * An issued invoice as its Factur-X file: the InvoiceDocument assembled from the stored invoice
 * (never from live data that may have changed since: buyer and lines are the invoice's own) and
 * the organisation's identity, rendered dated from its issue so that it comes out the same again.
 */

type OrgRow = { siret: string | null; iban: string | null; days: number; address2: string | null; address1: string | null; legalForm: string | null }

export function invoiceDocument(db: Db, id: number): InvoiceDocument {
  // « today » only matters for the days overdue, which the document does not print.
  const i = getInvoice(db, id, '2000-01-01')
  if (i.status !== 'issued' || i.number === null) throw new AppError('refused', 'Seule une facture émise a un fichier Factur-X (un brouillon n’a pas de numéro).')
  const org = loadOrganisation(db)
  const o = db
    .prepare<[], OrgRow>('SELECT siret, iban, payment_terms_days AS days, address_line1 AS address1, address_line2 AS address2, legal_form AS legalForm FROM organisation WHERE id = 1')
    .get()
  const siren = o?.siret ? o.siret.slice(0, 9) : null
  const preceding = i.creditedInvoiceId !== null ? db.prepare<[number], { number: string; issueDate: string }>('SELECT number, issue_date AS issueDate FROM invoice WHERE id = ?').get(i.creditedInvoiceId) ?? null : null
  const session = i.sessionId !== null ? db.prepare<[number], { from: string | null; to: string | null; label: string | null; title: string }>(
    'SELECT s.start_date AS "from", s.end_date AS "to", s.label, tr.title FROM session s JOIN training tr ON tr.id = s.training_id WHERE s.id = ?'
  ).get(i.sessionId) : undefined
  const periodEnd = session?.to && session.to < i.issueDate ? session.to : i.issueDate
  return {
    kind: i.kind,
    number: i.number,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    seller: {
      name: org.name,
      siret: o?.siret ?? null,
      siren,
      vatNumber: siren ? frenchVatNumber(siren) : null,
      addressLine1: o?.address1 ?? null,
      addressLine2: o?.address2 ?? null,
      postalCode: org.postalCode,
      city: org.city,
      country: 'FR',
      legalForm: o?.legalForm ?? null,
      nda: org.nda,
      email: org.email,
      phone: org.phone,
      iban: o?.iban ?? null
    },
    buyer: {
      name: i.buyerName,
      siret: i.buyerSiret,
      siren: i.buyerSiren ?? (i.buyerSiret ? i.buyerSiret.slice(0, 9) : null),
      vatNumber: null,
      addressLine1: i.buyerAddressLine1,
      addressLine2: i.buyerAddressLine2,
      postalCode: i.buyerPostalCode,
      city: i.buyerCity,
      country: 'FR'
    },
    serviceCode: i.buyerServiceCode,
    engagement: i.buyerEngagement,
    contractReference: i.contractReference,
    preceding,
    period: session?.from && session.from <= periodEnd ? { from: session.from, to: periodEnd } : null,
    subject: session ? (session.label ? `${session.title} — ${session.label}` : session.title) : null,
    vatMode: i.vatMode,
    amounts: i.amounts,
    paymentTermsDays: o?.days ?? 30,
    notes: i.kind === 'invoice' ? legalNotes(o?.days ?? 30) : i.note ? [{ subject: 'AAB', text: `Motif de l’avoir : ${i.note}` }] : []
  }
}

export function renderInvoice(db: Db, id: number): Promise<FacturX & { fileName: string; number: string }> {
  const doc = invoiceDocument(db, id)
  const issuedAt = db.prepare<[number], { at: string | null }>('SELECT issued_at AS at FROM invoice WHERE id = ?').get(id)?.at
  const fileName = `${doc.kind === 'credit_note' ? 'Avoir' : 'Facture'} ${doc.number}.pdf`
  return renderFacturX({ organisation: loadOrganisation(db), invoice: doc }, new Date(issuedAt ?? `${doc.issueDate}T12:00:00.000Z`)).then((r) => ({ ...r, fileName, number: doc.number }))
}

/** Writes the Factur-X file under « Factures/<année> » of the documents folder. */
export async function writeInvoiceFile(db: Db, id: number): Promise<{ path: string; fileName: string; mime: string; base64: string }> {
  const r = await renderInvoice(db, id)
  const dir = join(documentsRoot(db), 'Factures', r.number.slice(0, 4))
  mkdirSync(dir, { recursive: true })
  const path = join(dir, r.fileName)
  writeFileSync(path, r.pdf)
  return { path, fileName: r.fileName, mime: 'application/pdf', base64: r.pdf.toString('base64') }
}
