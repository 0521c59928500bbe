import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '@shared/api/result'
import type { InvoiceDetail } from '@shared/api/areas/invoices'
import type { SessionFunder } from '@shared/domain/aifQuoteFunding'
import type { Db } from '../../db/open'
import { generateDemoData } from '../../demo/generateDemoData'
import type { ServiceContext } from '../context'
import { sessionFunders, setSessionFunders } from '../quotes/fundingService'
import { createFromSession, updateDraft } from './invoiceDrafts'
import { renderInvoice } from './invoiceFiles'
import { createCreditNote, issueInvoice } from './invoiceIssue'
import { invoiceLines } from './invoiceQueries'

/*
 * `npm run invoices -- --samples <folder>`: a demo database, then three invoices issued from it
 * through the same services as the application — an exempt invoice to the region, an invoice with
 * VAT at 20 % to an OPCO, and a credit note cancelling part of the first — written as Factur-X
 * files (and their XML) so that anyone can check them with their own tools.
 */

const SAMPLE_OVERRIDE = 'Échantillons Factur-X générés sur des données de démonstration.'

type Buyer = { name: string; siret: string; address: string; postalCode: string; city: string; serviceCode: string | null; engagement: string | null }
const REGION: Buyer = { name: 'Région Bretagne', siret: '23350001600040', address: '283 avenue du Général Patton', postalCode: '35711', city: 'Rennes', serviceCode: 'FORMATION-PRO', engagement: '2100456789' }
const OPCO: Buyer = { name: 'OPCO Entreprises de proximité', siret: '85177962800003', address: '31 rue Anatole France', postalCode: '92300', city: 'Levallois-Perret', serviceCode: null, engagement: 'PEC-2026-118842' }

/** Sessions with trainees who attended up to `today`, the most hours first. */
function billableSessions(db: Db, today: string): { sessionId: number; enrolmentIds: number[] }[] {
  const rows = db
    .prepare<[string], { sessionId: number; enrolmentId: number }>(
      `SELECT e.session_id AS sessionId, e.id AS enrolmentId FROM enrolment e
       WHERE e.status IN ('entre', 'sorti') AND e.entry_date IS NOT NULL
         AND (SELECT sum(a.hours) FROM attendance_day a WHERE a.enrolment_id = e.id AND a.date <= ?) > 0
       ORDER BY e.session_id, e.id`
    )
    .all(today)
  const map = new Map<number, number[]>()
  for (const r of rows) map.set(r.sessionId, [...(map.get(r.sessionId) ?? []), r.enrolmentId])
  return [...map.entries()].map(([sessionId, enrolmentIds]) => ({ sessionId, enrolmentIds })).sort((a, b) => b.enrolmentIds.length - a.enrolmentIds.length)
}

function fund(ctx: ServiceContext, sessionId: number, funder: SessionFunder): void {
  const others = sessionFunders(ctx.db, sessionId).filter((f) => f.code !== funder.code)
  setSessionFunders(ctx, sessionId, [funder, ...others])
}

function invoiceFor(ctx: ServiceContext, sessionId: number, enrolmentIds: number[], funderCode: string, buyer: Buyer, issueDate: string): InvoiceDetail {
  const draft = createFromSession(ctx, { sessionId, funderCode, issueDate, enrolmentIds, perTrainee: true })
  updateDraft(ctx, {
    id: draft.id,
    issueDate,
    buyerName: buyer.name,
    buyerSiret: buyer.siret,
    buyerSiren: buyer.siret.slice(0, 9),
    buyerAddressLine1: buyer.address,
    buyerAddressLine2: null,
    buyerPostalCode: buyer.postalCode,
    buyerCity: buyer.city,
    buyerServiceCode: buyer.serviceCode,
    buyerEngagement: buyer.engagement,
    contractReference: draft.contractReference,
    vatMode: draft.vatMode,
    note: null,
    lines: invoiceLines(ctx.db, draft.id)
  })
  const r = issueInvoice(ctx, { id: draft.id, overrideReason: SAMPLE_OVERRIDE })
  if (!r.issued) throw new AppError('internal', 'La facture d’exemple n’a pas pu être émise.')
  return r.invoice
}

export type SampleFile = { kind: 'exempt' | 'vat' | 'credit_note'; number: string; pdf: string; xml: string; totalTtcCents: number }

export async function writeInvoiceSamples(ctx: ServiceContext, folder: string): Promise<SampleFile[]> {
  const today = ctx.clock.now().toISOString().slice(0, 10)
  generateDemoData(ctx, { trainees: 60, seed: 14 })
  const sessions = billableSessions(ctx.db, today)
  const [first, second] = sessions
  if (!first || !second) throw new AppError('internal', 'Les données de démonstration n’ont pas de session avec des heures réalisées.')
  ctx.db.prepare("UPDATE organisation SET iban = 'FR76 3000 4000 0312 3456 7890 143', vat_exempt = 1 WHERE id = 1").run()

  fund(ctx, first.sessionId, { code: 'region', teachingCostCents: 1250, costUnit: 'hour', reference: 'Marché 2026-BZH-04 lot 3' })
  const exempt = invoiceFor(ctx, first.sessionId, first.enrolmentIds.slice(0, 6), 'region', REGION, today)

  // The same organisation invoicing a service outside the exemption: VAT at 20 %.
  ctx.db.prepare('UPDATE organisation SET vat_exempt = 0 WHERE id = 1').run()
  fund(ctx, second.sessionId, { code: 'opco', teachingCostCents: 1833, costUnit: 'hour', reference: 'Convention de formation 2026-118842' })
  const vat = invoiceFor(ctx, second.sessionId, second.enrolmentIds.slice(0, 3), 'opco', OPCO, today)
  ctx.db.prepare('UPDATE organisation SET vat_exempt = 1 WHERE id = 1').run()

  // Half of the first line's hours were not due.
  const firstLine = exempt.amounts.lines[0]
  if (!firstLine) throw new AppError('internal', 'Facture d’exemple sans ligne.')
  const credit = createCreditNote(ctx, {
    id: exempt.id,
    issueDate: today,
    reason: 'Heures comptées deux fois sur la feuille d’émargement',
    lines: [{ position: 1, quantityHundredths: Math.max(1, Math.floor(firstLine.quantityHundredths / 2)) }]
  })

  mkdirSync(folder, { recursive: true })
  const out: SampleFile[] = []
  for (const [kind, inv] of [['exempt', exempt], ['vat', vat], ['credit_note', credit]] as const) {
    const r = await renderInvoice(ctx.db, inv.id)
    const base = `${kind === 'credit_note' ? 'avoir' : kind === 'vat' ? 'facture-tva' : 'facture-exoneree'}-${r.number}`
    const pdf = join(folder, `${base}.pdf`)
    const xml = join(folder, `${base}.xml`)
    writeFileSync(pdf, r.pdf)
    writeFileSync(xml, r.xml)
    out.push({ kind, number: r.number, pdf, xml, totalTtcCents: inv.totalTtcCents })
  }
  return out
}
