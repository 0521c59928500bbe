import { describe, expect, it } from 'vitest'
import { applicability, defaultStatementMonth, enrolmentMissing, missingSummary, organisationMissing, type EnrolmentFacts } from '@shared/domain/documentChecks'
import { certificationResultText } from '@shared/domain/documents'

const facts = (over: Partial<EnrolmentFacts> = {}): EnrolmentFacts => ({
  status: 'sorti',
  funding: 'region',
  fundingReference: null,
  entryDate: '2026-09-07',
  exitDate: '2026-11-13',
  ftId: '0676932W',
  certifying: true,
  exitReport: { certificationResult: 'totale' },
  bilanOutdated: false,
  realisedHours: 300,
  month: null,
  inTrainingThatMonth: true,
  monthAttested: true,
  ...over
})

describe('document rules: what cannot apply', () => {
  it('certificate of enrolment only for retenu or inscrit', () => {
    expect(applicability('certificat_inscription', facts({ status: 'inscrit' }))).toBeNull()
    expect(applicability('certificat_inscription', facts({ status: 'retenu' }))).toBeNull()
    expect(applicability('certificat_inscription', facts())).toContain('retenu ou inscrit')
  })

  it('attestation de fin: refused without an exit report, and while the last bilan is outdated', () => {
    expect(applicability('attestation_fin', facts({ status: 'entre' }))).toContain('pas encore sorti')
    expect(applicability('attestation_fin', facts({ exitReport: null }))).toContain('bilan de fin de formation non saisi')
    expect(applicability('attestation_fin', facts({ bilanOutdated: true }))).toContain('régénérez d’abord le bilan')
    expect(applicability('attestation_fin', facts())).toBeNull()
    expect(applicability('bilan_fin', facts({ bilanOutdated: true }))).toBeNull()
  })

  it('monthly statement: not for a month the person was not in training', () => {
    expect(applicability('etat_presence', facts({ month: '2026-12', inTrainingThatMonth: false }))).toBe('pas en formation en décembre 2026')
    expect(applicability('etat_presence', facts({ status: 'inscrit', entryDate: null, month: '2026-11' }))).toContain('pas encore entré')
  })
})

describe('document rules: mandatory data', () => {
  it('the organisation: NDA, region, city for « Fait à », signatory — each fixed in the settings', () => {
    const items = organisationMissing({ nda: null, regionCode: null, city: null, signatoryName: null })
    expect(items.map((i) => i.fix)).toEqual(['organisation', 'organisation', 'organisation', 'organisation'])
    expect(missingSummary(items)).toBe('numéro de déclaration d’activité (NDA) de l’organisme ; région de la déclaration d’activité (ligne du NDA) ; ville de l’organisme (« Fait à ») ; nom du ou de la signataire des documents')
    expect(organisationMissing({ nda: '53560912356', regionCode: '53', city: 'Lorient', signatoryName: 'Morgane Le Bihan' })).toEqual([])
  })

  it('France Travail id where France Travail funds (AIF), and the AIF reference on the certificate', () => {
    const aif = facts({ funding: 'aif', ftId: null, status: 'inscrit' })
    expect(enrolmentMissing('attestation_entree', aif).map((i) => i.message)).toEqual(['identifiant France Travail du stagiaire (financement AIF)'])
    expect(enrolmentMissing('certificat_inscription', aif).map((i) => i.fix)).toEqual(['trainee', 'enrolment'])
    expect(enrolmentMissing('attestation_entree', facts({ funding: 'region', ftId: null }))).toEqual([])
  })

  it('end of training: hours > 0, an exit date, a certification result where the training certifies', () => {
    expect(enrolmentMissing('certificat_realisation', facts({ realisedHours: 0, exitDate: null })).map((i) => i.message)).toEqual(['aucune heure réalisée (assiduité non saisie ?)', 'date de sortie'])
    expect(enrolmentMissing('attestation_fin', facts({ exitReport: { certificationResult: null } })).map((i) => i.fix)).toEqual(['exitReport'])
    expect(enrolmentMissing('attestation_fin', facts({ certifying: false, exitReport: { certificationResult: null } }))).toEqual([])
    // Still in training: a certificat de réalisation up to today needs no exit date.
    expect(enrolmentMissing('certificat_realisation', facts({ status: 'entre', exitDate: null }))).toEqual([])
  })

  it('monthly statement: the month must be attested', () => {
    expect(enrolmentMissing('etat_presence', facts({ month: '2026-11', monthAttested: false })).map((i) => [i.message, i.fix])).toEqual([['mois de novembre 2026 non attesté', 'attendance']])
  })
})

describe('monthly statement default month', () => {
  it('the current month while in training, the exit month for someone who left, the entry month before it', () => {
    expect(defaultStatementMonth('2026-12-02', '2026-09-07', null)).toBe('2026-12')
    expect(defaultStatementMonth('2026-12-02', '2026-09-07', '2026-11-13')).toBe('2026-11')
    expect(defaultStatementMonth('2026-12-02', '2027-01-04', null)).toBe('2027-01')
  })
})

describe('certification result as printed', () => {
  it('agrees with civility and never says « aucune évaluation » for a certifying training', () => {
    expect(certificationResultText('non_presentee', true, 'M')).toBe('Ne s’est pas présenté à la certification')
    expect(certificationResultText('non_presentee', true, 'Mme')).toBe('Ne s’est pas présentée à la certification')
    expect(certificationResultText(null, true, 'M')).toBe('résultat non renseigné')
    expect(certificationResultText(null, false, 'M')).toBe('aucune évaluation certificative prévue')
  })
})
