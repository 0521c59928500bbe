import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listDocuments } from '../../electron/main/services/documents/documentRegister'
import { setEnrolmentFunding } from '../../electron/main/services/quotes/fundingService'
import { contract, type Input } from '@shared/api/contract'
import type { DocumentJob } from '@shared/api/areas/documents'
import { hoursFr, hoursInWords, plainText } from '@shared/domain/frenchFormat'
import type { HoursSummary } from '@shared/domain/hoursLedger'
import { checkDocuments } from '../../electron/main/services/documents/documentCheck'
import { documentJobsFor } from '../../electron/main/services/documents/documentJobs'
import { saveExitReport } from '../../electron/main/services/exitReports/exitReportService'
import { enrolmentLedgers } from '../../electron/main/services/hours/hoursService'
import type { ServiceContext } from '../../electron/main/services/context'
import { refusal } from '../helpers/enrolmentWorld'
import { fixedClock, serviceContext, tempDb, type TempDb } from '../helpers/tempDb'
import { pdfPages } from '../pdf/pdfText'
import { documentsWorld } from './documentsWorld'

/*
 * Every document kind generated for a whole session on 2 December 2026, each printed total
 * compared with the hours ledger as of that day (text extracted with pdfjs): November with its
 * 11th (public holiday), a company period (ENT), a partial absence, an unrecorded day, someone
 * entering mid-month and someone leaving on the 13th; a day typed for 10 December (the future) is
 * never counted. Then each kind's mandatory mentions.
 */
const TODAY = '2026-12-02'
let t: TempDb
beforeEach(async () => {
  t = await tempDb()
})
afterEach(() => t.cleanup())

async function generate(ctx: ServiceContext, raw: Input<'documents:generate'>): Promise<DocumentJob> {
  const jobs = documentJobsFor(ctx.db)
  return jobs.settled(jobs.start(ctx, contract['documents:generate'].input.parse(raw)).id)
}
// Lines joined: a sentence reads whole wherever the PDF wraps it.
const text = async (job: DocumentJob, i = 0): Promise<string> => plainText((await pdfPages(readFileSync(job.documents[i]?.path ?? ''))).join('\n')).replace(/\s+/g, ' ')
const h = (n: number): string => plainText(hoursFr(n))

function weekdays(from: string, to: string, skip: string[] = []): string[] {
  const out: string[] = []
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10)
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !skip.includes(iso)) out.push(iso)
  }
  return out
}

function world() {
  const ctx = serviceContext(t.db, fixedClock(`${TODAY}T09:00:00.000Z`))
  const w = documentsWorld(ctx)
  const s = w.sessionId
  const anne = w.trainee(s, 'Çelik', 'Anne', '2026-09-07', '0676932W')
  const bruno = w.trainee(s, 'Yilmaz', 'Bruno', '2026-11-16', '0681234B')
  const chloe = w.trainee(s, 'Le Goff', 'Chloé', '2026-09-07', '0690001C')
  const emma = w.enrol(s, w.person('Dupont', 'Emma', '0690002D'), 'inscrit')
  t.db.prepare("UPDATE enrolment SET funding = 'region'").run()
  t.db.prepare("UPDATE training SET certification_kind = 'RNCP', certification_code = '36805', certification_level = 4").run()
  t.db.prepare("UPDATE trainee SET civility = 'Mme' WHERE last_name IN ('ÇELIK', 'Çelik', 'LE GOFF', 'Le Goff', 'DUPONT', 'Dupont')").run()
  const special: Record<string, [number | null, string | null]> = {
    '2026-11-05': [null, 'MAL'],
    '2026-11-12': [null, 'ENT'],
    '2026-11-13': [null, 'ENT'],
    '2026-11-19': [3.5, 'RDV'],
    '2026-11-25': [null, 'ANJ']
  }
  // Anne: November but the 11th (holiday) and the 30th (left blank), then 1–2 December and a typed future day.
  w.attend(anne, [...weekdays('2026-11-02', '2026-11-27', ['2026-11-11']).map((d): [string, number | null, string | null] => special[d] ? [d, ...special[d]] : [d, 7, null]), ['2026-12-01', 7, null], ['2026-12-02', 7, null], ['2026-12-10', 7, null]])
  w.attend(bruno, weekdays('2026-11-16', '2026-11-27').map((d): [string, number, null] => [d, 7, null]))
  w.attend(chloe, weekdays('2026-11-02', '2026-11-13', ['2026-11-11']).map((d): [string, number, null] => [d, 7, null]))
  w.move([chloe], { to: 'sorti', effectiveDate: '2026-11-13', reasonCode: 'fin_prevue' })
  saveExitReport(ctx, contract['exitReports:save'].input.parse({ enrolmentId: chloe, certificationResult: 'non_presentee', skillsAcquired: 'Accueil et bureautique', nextStep: 'Emploi' }))
  const attest = t.db.prepare("INSERT INTO attendance_month (enrolment_id, month, attested_at, attested_by) VALUES (?, '2026-11', '2026-11-30T16:00:00Z', 'Claire Martin')")
  for (const id of [anne, bruno, chloe]) attest.run(id)
  return { ctx, s, anne, bruno, chloe, emma }
}

const ledgerOf = (ids: number[], period: { from: string; to: string } | null = null): Map<number, HoursSummary> =>
  new Map(enrolmentLedgers(t.db, ids, TODAY, period).map((l) => [l.enrolmentId, l.summary]))

describe('documents agree with the hours ledger (a whole session, generated on 2 December 2026)', () => {
  it('monthly statements, per trainee and per session, print the ledger’s totals; no hour after the generation date', async () => {
    const { ctx, s, anne, bruno, chloe } = world()
    const nov = ledgerOf([anne, bruno, chloe], { from: '2026-11-01', to: '2026-11-30' })
    const a = nov.get(anne)
    // The ledger itself: 20 working days (11 November excluded), 7 h each.
    expect(a?.plannedHours).toBe(140)
    expect(nov.get(bruno)?.plannedHours).toBe(77)
    expect(nov.get(chloe)?.plannedHours).toBe(63)

    for (const id of [anne, bruno, chloe]) {
      const sum = nov.get(id)
      if (!sum) throw new Error('no ledger')
      const job = await generate(ctx, { kind: 'etat_presence', enrolmentIds: [id], period: '2026-11' })
      const pdf = await text(job)
      expect(pdf).toContain(`Total du mois ${h(sum.plannedHours)} ${h(sum.attendedHours)} entreprise : ${h(sum.companyHours)} – absences justifiées : ${h(sum.justifiedAbsenceHours)}, non justifiées : ${h(sum.unjustifiedAbsenceHours)}`)
      expect(pdf).toContain(`Contrôle : ${h(sum.plannedHours)} prévues = ${h(sum.attendedHours)} réalisées`)
      expect(pdf).toMatch(/Férié \(|Sortie|Avant l’entrée/)
    }
    const annePdf = await text(await generate(ctx, { kind: 'etat_presence', enrolmentIds: [anne], period: '2026-11' }))
    // ENT counted apart, never as an absence: 14 h in a company, 7 h MAL + 3,5 h RDV justified, 7 h ANJ, 7 h not entered.
    expect(annePdf).toContain('Contrôle : 140 h prévues = 101,5 h réalisées + 14 h en entreprise + 10,5 h d’absences justifiées + 7 h d’absences non justifiées + 7 h non saisies.')
    expect(annePdf).toContain('Absences par motif : ANJ 7 h (1 j) · MAL 7 h (1 j) · RDV 3,5 h (1 j)')
    const chloePdf = await text(await generate(ctx, { kind: 'etat_presence', enrolmentIds: [chloe], period: '2026-11' }))
    expect(chloePdf).toContain('Sortie le 13/11/2026')

    // December as of the 2nd: the typed 10 December is not counted, nor planned.
    const dec = ledgerOf([anne], { from: '2026-12-01', to: '2026-12-31' }).get(anne)
    expect(dec?.attendedHours).toBe(14)
    expect(dec?.plannedHours).toBe(14)
    const decPdf = await text(await generate(ctx, { kind: 'etat_presence', enrolmentIds: [anne], period: '2026-12', force: true }))
    expect(decPdf).toContain('Total du mois 14 h 14 h')
    expect(decPdf).toContain('à venir')
    expect(refusal(() => documentJobsFor(t.db).start(ctx, contract['documents:generate'].input.parse({ kind: 'etat_presence', sessionId: s, period: '2027-01' }))).message).toContain('mois à venir')

    const session = await text(await generate(ctx, { kind: 'etat_presence', sessionId: s, period: '2026-11' }))
    const total = [anne, bruno, chloe].reduce((acc, id) => acc + (nov.get(id)?.plannedHours ?? 0), 0)
    expect(session).toContain(`Contrôle : ${h(total)} prévues`)
    for (const id of [anne, bruno, chloe]) {
      const sum = nov.get(id)
      expect(session).toMatch(new RegExp(`– \\d+[A-Z] ${[sum?.plannedHours, sum?.attendedHours, sum?.companyHours].map((n) => String(n).replace('.', ',')).join(' ')}`))
    }
    // French order: ÇELIK with the C, before LE GOFF and YILMAZ.
    expect(session.indexOf('ÇELIK Anne')).toBeLessThan(session.indexOf('LE GOFF Chloé'))
    expect(session.indexOf('LE GOFF Chloé')).toBeLessThan(session.indexOf('YILMAZ Bruno'))
    expect(session).toContain('Session n° 103725')
  })

  it('certificat de réalisation, bilan and attestation de fin print the ledger’s hours and agree with each other', async () => {
    const { ctx, anne, bruno, chloe } = world()
    const all = ledgerOf([anne, bruno, chloe])
    const job = await generate(ctx, { kind: 'certificat_realisation', enrolmentIds: [anne, bruno, chloe] })
    for (const [i, id] of [anne, bruno, chloe].entries()) {
      const sum = all.get(id)
      if (!sum) throw new Error('no ledger')
      const pdf = await text(job, i)
      expect(pdf).toContain(`pour une durée de ${plainText(hoursInWords(sum.realisedHours))}`)
      if (sum.companyHours > 0) expect(pdf).toContain(`dont ${h(sum.companyHours)} en entreprise`)
    }
    // Anne's hours stop on 2 December: 10 December is not in them.
    expect(all.get(anne)?.realisedHours).toBe(101.5 + 14 + 14)
    const bilan = await text(await generate(ctx, { kind: 'bilan_fin', enrolmentIds: [chloe] }))
    const fin = await text(await generate(ctx, { kind: 'attestation_fin', enrolmentIds: [chloe] }))
    const hours = h(all.get(chloe)?.realisedHours ?? -1)
    expect(bilan).toContain(`Heures réalisées : ${hours}`)
    expect(fin).toContain(`Durée suivie : ${hours}`)
    for (const pdf of [bilan, fin]) {
      expect(pdf).toContain('Certification visée : RNCP 36805 – niveau 4')
      expect(pdf).toContain('Ne s’est pas présentée à la certification')
      expect(pdf).not.toContain('aucune évaluation certificative prévue')
      expect(pdf).not.toContain('présenté(e)')
    }

    // The exit report changes after the bilan: the attestation waits for the bilan regenerated.
    saveExitReport({ ...ctx, clock: fixedClock(`${TODAY}T10:00:00.000Z`) }, contract['exitReports:save'].input.parse({ enrolmentId: chloe, hoursCompleted: 60, hoursOverrideReason: 'Stage saisi après clôture' }))
    const later = { ...ctx, clock: fixedClock(`${TODAY}T11:00:00.000Z`) }
    expect(refusal(() => documentJobsFor(t.db).start(later, contract['documents:generate'].input.parse({ kind: 'attestation_fin', enrolmentIds: [chloe] }))).message).toContain('régénérez d’abord le bilan')
    const bilan2 = await text(await generate(later, { kind: 'bilan_fin', enrolmentIds: [chloe] }))
    const fin2 = await text(await generate(later, { kind: 'attestation_fin', enrolmentIds: [chloe] }))
    expect(bilan2).toContain('Heures réalisées : 60 h')
    expect(fin2).toContain('Durée suivie : 60 h')
    const real = await text(await generate(later, { kind: 'certificat_realisation', enrolmentIds: [chloe] }))
    expect(real).toContain('corrigées à la main lors du bilan de fin de formation (motif : Stage saisi après clôture)')
  })

  it('each kind prints its mandatory mentions; the check lists what is missing before generation', async () => {
    const { ctx, s, anne, chloe, emma } = world()
    const nda = 'déclaration d’activité enregistrée sous le numéro 53 56 09123 56 auprès du préfet de région de Bretagne'
    const common = (pdf: string) => {
      expect(pdf).toContain('Atelier Formation Bretagne Sud')
      expect(pdf).toContain('Fait à Lorient, le 2 décembre 2026')
      expect(pdf).toContain('Morgane Le Bihan')
      expect(pdf.replace(/\s+/g, ' ')).toContain(nda.replace(/^d/, 'D'))
    }
    const inscription = await text(await generate(ctx, { kind: 'certificat_inscription', enrolmentIds: [emma] }))
    common(inscription)
    expect(inscription).toContain('pour le compte d’Atelier Formation Bretagne Sud')
    expect(inscription).toContain('est inscrite')
    expect(inscription).toContain('Rythme hebdomadaire : lundi 7 h · mardi 7 h · mercredi 7 h · jeudi 7 h · vendredi 7 h (35 h par semaine)')
    expect(inscription).toContain('Financement : Conseil régional')
    const entree = await text(await generate(ctx, { kind: 'attestation_entree', enrolmentIds: [anne] }))
    common(entree)
    expect(entree).toContain('0676932W')
    expect(entree).toContain('est entrée en formation le 7 septembre 2026')
    const real = await text(await generate(ctx, { kind: 'certificat_realisation', enrolmentIds: [anne] }))
    common(real)
    for (const m of ['☒ action de formation', 'Salariée de l’entreprise : sans objet', 'Source des heures', 'pendant une durée de 3 ans']) expect(real).toContain(m)
    // The employer, entered in the enrolment's funding section, is printed on the next one.
    setEnrolmentFunding(ctx, anne, 'region', null, 'Boulangerie Le Goff')
    expect(await text(await generate(ctx, { kind: 'certificat_realisation', enrolmentIds: [anne] }))).toContain('Salariée de l’entreprise : Boulangerie Le Goff')
    const fin = await text(await generate(ctx, { kind: 'attestation_fin', enrolmentIds: [chloe] }))
    common(fin)
    expect(fin).toContain('Article L6353-1')
    const statement = await text(await generate(ctx, { kind: 'etat_presence', sessionId: s, period: '2026-11' }))
    common(statement)
    expect(statement).toContain('atteste l’exactitude des présences, absences et périodes en entreprise')

    // The organisation loses its city and region, Anne's funding becomes AIF without an id: the check says it, generation waits.
    t.db.prepare('UPDATE organisation SET city = NULL, region_code = NULL WHERE id = 1').run()
    t.db.prepare("UPDATE enrolment SET funding = 'aif' WHERE id = ?").run(anne)
    t.db.prepare('UPDATE trainee SET ft_id = NULL WHERE id = (SELECT trainee_id FROM enrolment WHERE id = ?)').run(anne)
    const check = checkDocuments(t.db, ctx.clock, contract['documents:check'].input.parse({ kind: 'attestation_entree', enrolmentIds: [anne] }))
    expect(check.organisation.map((i) => i.message)).toEqual(['région de la déclaration d’activité (ligne du NDA)', 'ville de l’organisme (« Fait à »)'])
    expect(check.people[0]?.missing.map((i) => [i.message, i.fixLabel])).toContainEqual(['identifiant France Travail du stagiaire (financement AIF)', 'Fiche du stagiaire'])
    expect(check.incomplete).toBe(1)
    expect(refusal(() => documentJobsFor(t.db).start(ctx, contract['documents:generate'].input.parse({ kind: 'attestation_entree', enrolmentIds: [anne] }))).message).toContain('générer quand même')
    const forced = await generate(ctx, { kind: 'attestation_entree', enrolmentIds: [anne], force: true })
    expect(t.db.prepare<[number], { m: string }>('SELECT forced_missing AS m FROM generated_document WHERE id = ?').get(forced.documents[0]?.id ?? 0)?.m).toContain('identifiant France Travail')
    // The register shows it beside the code.
    const listed = listDocuments(t.db, { kind: 'attestation_entree' }).find((d) => d.id === forced.documents[0]?.id)
    expect(listed?.forcedMissing).toContain('identifiant France Travail')
    expect(listed?.verificationCode).toMatch(/^[A-Z2-7]{10}$/)
    // A statement check for a month Chloé was not in training greys the kind for her.
    const dec = checkDocuments(t.db, ctx.clock, contract['documents:check'].input.parse({ kind: 'etat_presence', enrolmentIds: [chloe], period: '2026-12' }))
    expect(dec.people[0]?.refusal).toBe('pas en formation en décembre 2026')
    expect(dec.defaultMonth).toBe('2026-11')
  })
})
