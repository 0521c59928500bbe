import { createHash } from 'node:crypto'
import { copyFileSync, readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract, type Input } from '@shared/api/contract'
import type { DocumentJob } from '@shared/api/areas/documents'
import type { ServiceContext } from '../../electron/main/services/context'
import { documentJobsFor } from '../../electron/main/services/documents/documentJobs'
import { listDocuments } from '../../electron/main/services/documents/documentRegister'
import { createQuotes, transitionQuoteStep, updateQuote } from '../../electron/main/services/quotes/quoteService'
import { refusal } from '../helpers/enrolmentWorld'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { pdfPages } from '../pdf/pdfText'
import { quotesWorld } from './quotesWorld'

let t: TempDb
beforeEach(async () => {
  t = await tempDb()
})
afterEach(() => t.cleanup())

async function generate(ctx: ServiceContext, raw: Input<'documents:generate'>): Promise<DocumentJob> {
  const jobs = documentJobsFor(ctx.db)
  const job = jobs.start(ctx, contract['documents:generate'].input.parse(raw))
  return jobs.settled(job.id)
}
const text = async (path: string) => (await pdfPages(readFileSync(path))).join('\n').replace(/[\u202f\u00a0]/g, ' ')
const LONG = 'Titre professionnel Conseiller ou conseillère en insertion professionnelle, parcours complet avec période en entreprise, remise à niveau numérique et préparation à la certification'

describe.each([
  ['short', undefined],
  ['long', LONG]
])('AIF quote documents (%s title)', (name, title) => {
  it('prints the quote and the KAIROS sheet through the documents pipeline (register, SHA-256, batch)', async () => {
    const ctx = serviceContext(t.db, fixedClock('2026-12-02T09:00:00.000Z'))
    const w = quotesWorld(t.db, title ? { title } : {})
    const [a, , c] = createQuotes(ctx, { sessionId: w.sessionId, enrolmentIds: [w.alice, w.bruno, w.chloe] })
    updateQuote(ctx, { id: a!.id, changes: { funders: [{ funder: 'region', amountCents: 100001 }, { funder: 'cpf', amountCents: 20000 }], extraLines: [{ kind: 'exam', label: null, amountCents: 9000 }] } })
    transitionQuoteStep(ctx, { id: a!.id, action: 'file', date: '2026-12-01', kairosNumber: 'K-2026-778' })

    const quotes = await generate(ctx, { kind: 'devis_aif', sessionId: w.sessionId, output: 'both' })
    expect(quotes.state).toBe('done')
    expect(quotes.documents.map((d) => d.fileName).sort()).toEqual([
      '2026-12 Devis AIF - ARNAUD Alice DEV-2026-0001.pdf',
      '2026-12 Devis AIF - BERNARD Bruno DEV-2026-0002.pdf',
      '2026-12 Devis AIF - COSTE Chloé DEV-2026-0003.pdf'
    ])
    for (const d of quotes.documents) expect(d.sha256).toBe(createHash('sha256').update(readFileSync(d.path)).digest('hex'))
    expect(quotes.merged).not.toBeNull()
    const alice = quotes.documents.find((d) => d.enrolmentId === w.alice)!
    const devis = await text(alice.path)
    for (const s of ['DEVIS AIF N° DEV-2026-0001', '0676932W', 'FR071923-1', 'Qualiopi valable jusqu’au 31/12/2027', 'du 4 janvier 2027 au 26 mars 2027', '420 h (420 h en centre, 0 h en entreprise)', '5 250,00 €', '− 1 000,01 €', '− 200,00 €', '4 049,99 €', 'Frais d’examen ou de certification', '90,00 €', 'Transmis dans KAIROS le 01/12/2026 (devis KAIROS n° K-2026-778)']) {
      expect(devis.replace(/\s+/g, " "), s).toContain(s)
    }
    const chloe = await text(quotes.documents.find((d) => d.enrolmentId === w.chloe)!.path)
    expect(chloe).toContain('Bloquant : Le solde CPF (10 000,00 €) couvre')
    const bruno = await text(quotes.documents.find((d) => d.enrolmentId === w.bruno)!.path)
    expect(bruno).toContain('Attention : Devis non déposé à moins de 15 jours')

    const sheet = await generate(ctx, { kind: 'fiche_kairos', enrolmentIds: [w.alice], output: 'files' })
    const fiche = await text(sheet.documents[0]!.path)
    const order = ['0676932W', 'ARNAUD', 'Alice', '14/05/1990', 'Atelier Formation Bretagne Sud', '84327159300025', '53560912356', 'SAS', '53_1262663', '53_1330305', '103725', '42056', '07/12/2026', '26/03/2027', '04/01/2027', '420', '12,50', '5250,00', '1000,01', '4049,99', '0,00']
    let at = 0
    for (const s of order) {
      const i = fiche.indexOf(s, at)
      expect(i, `${s} after position ${at}`).toBeGreaterThanOrEqual(0)
      at = i
    }
    expect(listDocuments(t.db, { sessionId: w.sessionId, kind: 'fiche_kairos' })).toHaveLength(1)

    // An enrolment without a quote: refused, nothing generated.
    transitionQuoteStep(ctx, { id: c!.id, action: 'cancel', date: '2026-12-02' })
    t.db.prepare('DELETE FROM aif_quote WHERE id = ?').run(c!.id)
    expect(refusal(() => documentJobsFor(t.db).start(ctx, contract['documents:generate'].input.parse({ kind: 'devis_aif', enrolmentIds: [w.chloe] }))).message).toContain('Aucun devis AIF')

    // Kept for a look as PNG (pdftoppm) when asked.
    if (process.env.QUOTE_PDF_DIR) {
      copyFileSync(alice.path, `${process.env.QUOTE_PDF_DIR}/devis-${name}.pdf`)
      copyFileSync(sheet.documents[0]!.path, `${process.env.QUOTE_PDF_DIR}/fiche-${name}.pdf`)
    }
  })
})
