import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../electron/main/api/dispatch'
import { handlers } from '../../electron/main/api/handlers'
import { enrolmentFunding, sessionFunders, setEnrolmentFunding, setSessionFunders } from '../../electron/main/services/quotes/fundingService'
import { exportQuotes } from '../../electron/main/services/quotes/quoteExport'
import { getQuote, listQuotes } from '../../electron/main/services/quotes/quoteQueries'
import { createQuotes, markQuotesFiled, supersedeQuote, transitionQuoteStep, updateQuote } from '../../electron/main/services/quotes/quoteService'
import { refusal } from '../helpers/enrolmentWorld'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { quotesWorld } from './quotesWorld'

const NOW = '2026-12-02T09:00:00.000Z'
const TODAY = '2026-12-02'
let t: TempDb
beforeEach(async () => {
  t = await tempDb()
})
afterEach(() => t.cleanup())

const audit = (id?: number) =>
  t.db
    .prepare<[], { operation: string; entityId: string }>(`SELECT operation, entity_id AS entityId FROM audit_log WHERE entity = 'aif_quote'${id ? ` AND entity_id = '${id}'` : ''} ORDER BY id`)
    .all()
const snapshot = () => ({
  quotes: t.db.prepare('SELECT * FROM aif_quote ORDER BY id').all(),
  funders: t.db.prepare('SELECT * FROM aif_quote_funder ORDER BY quote_id, funder').all(),
  audit: t.db.prepare('SELECT count(*) AS n FROM audit_log').get()
})

describe('AIF quotes service', () => {
  it('creates, checks, files, accepts, validates, supersedes and cancels quotes with the audit trail', async () => {
    const ctx = serviceContext(t.db, fixedClock(NOW))
    const w = quotesWorld(t.db)

    // Three drafts in one go, prefilled from the enrolments, the action's price and the hours ledger.
    const [a, b, c] = createQuotes(ctx, { sessionId: w.sessionId, enrolmentIds: [w.alice, w.bruno, w.chloe] })
    if (!a || !b || !c) throw new Error('three quotes expected')
    expect(a).toMatchObject({ number: 'DEV-2026-0001', status: 'draft', startDate: '2027-01-04', endDate: '2027-03-26', hoursTotal: 420, hourlyCents: 1250, totalCents: 525000, franceTravailCents: 525000, remainingCents: 0 })
    expect(a.weeklyRhythm).toBe('lun. 7 h, mar. 7 h, mer. 7 h, jeu. 7 h, ven. 7 h — 35 h par semaine')
    expect(a.findings).toEqual([])
    // Bruno starts on 7 December: the ledger counts 7/12 → 26/03 without Christmas and New Year's Day.
    expect(b.hoursTotal).toBe(546) // 16 weeks × 35 h − 25 December and 1 January (Fridays)
    expect(b.findings.map((f) => `${f.level}:${f.code}`)).toEqual(['warning:late_filing'])
    expect(c.findings.map((f) => `${f.level}:${f.code}`)).toEqual(['refusal:cpf_covers'])

    // One active quote per enrolment: nothing changes.
    const before = snapshot()
    expect(refusal(() => createQuotes(ctx, { sessionId: w.sessionId, enrolmentIds: [w.chloe, w.alice] })).message).toBe(
      'Un devis est déjà en cours pour ces stagiaires : COSTE Chloé (n° DEV-2026-0003, brouillon) ; ARNAUD Alice (n° DEV-2026-0001, brouillon). Annulez-le ou faites-en une nouvelle version.'
    )
    expect(snapshot()).toEqual(before)

    // The region funds part of Alice's quote: France Travail is asked the rest, to the cent.
    const a2 = updateQuote(ctx, { id: a.id, changes: { funders: [{ funder: 'region', amountCents: 100001 }] } })
    expect(a2).toMatchObject({ othersCents: 100001, franceTravailCents: 424999, remainingCents: 0 })
    expect(a2.funders).toEqual([{ funder: 'region', amountCents: 100001 }])

    // A quote with a refusal cannot be filed, and a bulk filing is all or nothing.
    expect(refusal(() => transitionQuoteStep(ctx, { id: c.id, action: 'file', date: TODAY })).message).toContain('Devis non transmissible : Le solde CPF')
    const beforeBulk = snapshot()
    expect(refusal(() => markQuotesFiled(ctx, { ids: [a.id, c.id], date: TODAY })).code).toBe('refused')
    expect(snapshot()).toEqual(beforeBulk)

    // Filing (one with its KAIROS number, one in bulk), then the decisions.
    expect(transitionQuoteStep(ctx, { id: a.id, action: 'file', date: '2026-12-01', kairosNumber: 'K-2026-778' })).toMatchObject({ status: 'sent', sentOn: '2026-12-01', kairosReference: 'K-2026-778' })
    expect(markQuotesFiled(ctx, { ids: [b.id], date: TODAY }).map((q) => q.status)).toEqual(['sent'])
    expect(refusal(() => updateQuote(ctx, { id: a.id, changes: { hourlyCents: 1300 } })).message).toBe('Le devis DEV-2026-0001 est « transmis » : il ne se modifie plus. Faites-en une nouvelle version.')
    expect(transitionQuoteStep(ctx, { id: a.id, action: 'accept', date: TODAY }).status).toBe('accepted')
    expect(refusal(() => transitionQuoteStep(ctx, { id: a.id, action: 'refuse', date: TODAY })).message).toContain('Indiquez le motif du refus.')
    expect(transitionQuoteStep(ctx, { id: a.id, action: 'validate', date: TODAY })).toMatchObject({ status: 'validated', answeredOn: TODAY, actions: ['cancel', 'supersede'] })

    // A new version of Bruno's filed quote: the old one is kept, superseded.
    const b2 = supersedeQuote(ctx, { id: b.id })
    expect(b2).toMatchObject({ number: 'DEV-2026-0002-v2', version: 2, status: 'draft', supersedesId: b.id, totalCents: b.totalCents })
    expect(getQuote(t.db, b.id, TODAY)).toMatchObject({ status: 'superseded', supersededById: b2.id, findings: [] })
    expect(updateQuote(ctx, { id: b2.id, changes: { hourlyCents: 1200 } }).totalCents).toBe(655200)
    expect(getQuote(t.db, b.id, TODAY).totalCents).toBe(682500)

    // Chloé's quote is cancelled (a draft needs no reason), which frees her enrolment.
    expect(transitionQuoteStep(ctx, { id: c.id, action: 'cancel', date: TODAY }).status).toBe('cancelled')

    // Filters.
    expect(listQuotes(t.db, { status: ['sent', 'accepted', 'validated'] }, TODAY).map((q) => q.number)).toEqual(['DEV-2026-0001'])
    expect(listQuotes(t.db, { funder: 'region' }, TODAY).map((q) => q.number)).toEqual(['DEV-2026-0001'])
    expect(listQuotes(t.db, { sessionId: w.sessionId }, TODAY)).toHaveLength(4)

    // Export of the filtered grid: CSV as French Excel reads it, XLSX with amounts as numbers.
    const csv = Buffer.from((await exportQuotes(t.db, { status: ['validated'] }, 'csv', TODAY)).base64, 'base64').toString('utf8')
    expect(csv.startsWith('\ufeffN° devis;Statut;Nom;Prénom')).toBe(true)
    expect(csv).toContain('DEV-2026-0001;Validé;ARNAUD;Alice;0676932W;SA Lorient – décembre 2026;04/01/2027;26/03/2027;420;12,50;5250,00;Conseil régional 1000,01 €;4249,99;0,00')
    const xlsx = await exportQuotes(t.db, {}, 'xlsx', TODAY)
    expect(xlsx.fileName).toBe('devis-aif-2026-12-02.xlsx')
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK')

    // The audit trail, step by step.
    expect(audit(a.id).map((e) => e.operation)).toEqual(['quote.create', 'quote.update', 'quote.file', 'quote.accept', 'quote.validate'])
    expect(audit(b.id).map((e) => e.operation)).toEqual(['quote.create', 'quote.file', 'quote.supersede'])
    expect(audit(c.id).map((e) => e.operation)).toEqual(['quote.create', 'quote.cancel'])
    const filed = t.db.prepare<[string], { clerk: string; after: string }>("SELECT clerk_name AS clerk, after_json AS after FROM audit_log WHERE operation = 'quote.file' AND entity_id = ?").get(String(a.id))
    expect(filed?.clerk).toBe('Claire Martin')
    expect(JSON.parse(filed?.after ?? '{}')).toMatchObject({ status: 'sent', sentOn: '2026-12-01', kairosReference: 'K-2026-778' })
  })

  it('refuses bad input through the contract in French and changes nothing', async () => {
    const w = quotesWorld(t.db)
    const dispatch = createDispatch({ db: t.db, clock: fixedClock(NOW), host: { kind: 'browser', version: '0.0.0-test', dbPath: t.path } }, handlers, () => undefined)
    await dispatch('clerks:select', { name: 'Claire Martin' })
    const created = await dispatch('quotes:create', { sessionId: w.sessionId, enrolmentIds: [w.alice] })
    if (!created.ok) throw new Error(created.error.message)
    const id = (created.value as { id: number }[])[0]?.id ?? 0
    const before = snapshot()
    const bad: [string, unknown, RegExp][] = [
      ['quotes:create', { sessionId: w.sessionId, enrolmentIds: [] }, /Choisissez au moins un stagiaire/],
      ['quotes:update', { id, changes: { hoursCentre: -3 } }, /Les heures en centre ne peuvent être négatives/],
      ['quotes:update', { id, changes: { hourlyCents: 12.5 } }, /Le prix horaire : montant en centimes attendu/],
      ['quotes:update', { id, changes: { funders: [{ funder: 'cpf', amountCents: 1 }, { funder: 'cpf', amountCents: 2 }] } }, /Un financeur figure deux fois/],
      ['quotes:update', { id, changes: { startDate: '2027-02-30' } }, /La date de début : date invalide/],
      ['quotes:update', { id, changes: { startDate: '2027-03-01', endDate: '2027-02-01' } }, /précède son début/],
      ['quotes:transition', { id, action: 'validate', date: TODAY }, /ne peut pas passer à « validé »/],
      ['quotes:transition', { id, action: 'file', date: '2026-12-09' }, /ne peut pas être dans le futur/],
      ['quotes:markFiled', { ids: [], date: TODAY }, /Choisissez au moins un devis/],
      ['quotes:supersede', { id }, /Un brouillon se modifie directement/]
    ]
    for (const [op, input, message] of bad) {
      const r = await dispatch(op, input)
      expect(r.ok, op).toBe(false)
      if (!r.ok) expect(r.error.message, op).toMatch(message)
    }
    expect(snapshot()).toEqual(before)
  })

  it('keeps a session’s funders with their teaching cost and reference; an enrolment inherits or states its own, and shows its quote', () => {
    const ctx = serviceContext(t.db, fixedClock(NOW))
    const w = quotesWorld(t.db)
    setSessionFunders(ctx, w.sessionId, [
      { code: 'region', teachingCostCents: 480000, costUnit: 'place', reference: 'Marché 2026-04 lot 3' },
      { code: 'aif', teachingCostCents: 1100, costUnit: 'hour', reference: null }
    ])
    expect(sessionFunders(t.db, w.sessionId).map((f) => f.code)).toEqual(['region', 'aif'])
    // A funder imported from the catalogue (LHEO code) is kept when the local ones are saved.
    t.db.prepare("INSERT INTO session_funder (session_id, funder_code, label) VALUES (?, '10', 'Bénéficiaire de l’action')").run(w.sessionId)
    setSessionFunders(ctx, w.sessionId, [{ code: 'region', teachingCostCents: 480000, costUnit: 'place', reference: 'Marché 2026-04 lot 3' }, { code: 'aif', teachingCostCents: 1100, costUnit: 'hour', reference: null }])
    expect(t.db.prepare<[number], { code: string }>('SELECT funder_code AS code FROM session_funder WHERE session_id = ? ORDER BY funder_code').all(w.sessionId).map((r) => r.code)).toEqual(['10', 'aif', 'region'])
    expect(refusal(() => setSessionFunders(ctx, w.sessionId, [{ code: 'cpf', teachingCostCents: 100, costUnit: null, reference: null }])).message).toBe('Indiquez si le coût pédagogique est par heure ou par place.')
    expect(sessionFunders(t.db, w.sessionId)).toHaveLength(2)

    // The session's AIF cost per hour prices the new quotes.
    const [q] = createQuotes(ctx, { sessionId: w.sessionId, enrolmentIds: [w.alice] })
    expect(q?.hourlyCents).toBe(1100)
    setEnrolmentFunding(ctx, w.alice, 'aif', q?.number ?? null)
    expect(enrolmentFunding(t.db, w.alice)).toMatchObject({ funding: 'aif', fundingReference: 'DEV-2026-0001', quote: { number: 'DEV-2026-0001', statusLabel: 'Brouillon' } })
    expect(audit().length).toBe(1)
    const ops = t.db.prepare<[], { operation: string }>("SELECT operation FROM audit_log WHERE entity IN ('session', 'enrolment') ORDER BY id").all().map((r) => r.operation)
    expect(ops).toEqual(['session.funders', 'session.funders', 'enrolment.funding'])
  })
})
