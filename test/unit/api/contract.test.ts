import { describe, expect, it } from 'vitest'
import { contract, OPS, type Input, type Op } from '@shared/api/contract'
import { handlers } from '../../../electron/main/api/handlers'

// One valid input per operation: the mapped type makes a new operation without an example a
// compile error, so every input schema of the contract is exercised here.
const VALID: { [O in Op]: Input<O> } = {
  'app:state': {},
  'app:overview': {},
  'app:requestStatus': { key: '3f2b8c1e-9d4a-4e6b-8a7c-1b2d3e4f5a60' },
  'audit:list': { clerk: 'Claire Martin', traineeId: 3, from: '2026-11-01', to: '2026-11-30', limit: 50 },
  'audit:verify': {},
  'backup:list': {},
  'backup:settings': {},
  'backup:saveSettings': { folder: '/Users/claire/Sauvegardes', keep: 14 },
  'backup:now': { folder: 'C:\\Formation\\Sauvegardes' },
  'backup:restore': { path: '/Users/claire/Sauvegardes/passerelle-2026-12-02-1430.sqlite' },
  'clerks:select': { name: 'Claire Martin' },
  'demo:generate': { trainees: 50 },
  'organisation:get': {},
  'organisation:update': { raisonSociale: 'Atelier Formation', siret: '732 829 320 00074', nda: '53560912356' },
  'organisation:setLogo': { mime: 'image/png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==' },
  'organisation:removeLogo': {},
  'trainees:list': { search: 'dupré' },
  'trainees:page': { search: 'dupré', after: { key: 'dupre marie', id: 12 }, limit: 200 },
  'trainees:get': { id: 1 },
  'trainees:create': { lastName: 'Lefèvre', firstName: 'Élodie', ftId: '0676932w' },
  'trainees:update': { id: 1, changes: { city: 'Lorient' } },
  'trainees:delete': { id: 1 },
  'traineeImport:preview': { fileName: 'positionnes.csv', base64: 'Tm9tO1Byw6lub20KRFVQUsOJO01hcmllCg==' },
  'traineeImport:apply': { fileName: 'positionnes.xlsx', base64: 'UEsDBA==', mapping: ['lastName', 'firstName', null], merge: 'overwrite' },
  'trainings:list': { search: 'secrétaire' },
  'trainings:get': { id: 1 },
  'trainings:create': { title: 'Titre professionnel Secrétaire assistant', formacode: '35054', objectiveCode: 6, certificationKind: 'RNCP', totalHours: 700 },
  'trainings:update': { id: 1, changes: { totalHours: 735 } },
  'sessions:list': { trainingId: 1, activeFrom: '2026-11-22', recruitmentState: 'open' },
  'sessions:get': { id: 1 },
  'sessions:options': { activeFrom: '2026-11-01', startingBy: '2026-11-30' },
  'sessions:create': { trainingId: 1, startDate: '2027-01-11', endDate: '2027-06-30', placeName: 'Centre Lorient Sud', placeCity: 'Lorient', capacity: 14 },
  'sessions:update': { id: 1, changes: { recruitmentState: 'suspended', weeklyHours: [7, 7, 7, 7, 7, 0, 0] } },
  'sessions:moveEnrolmentDates': { id: 1, previous: { start: '2027-01-04', end: '2027-06-25' } },
  'recruitment:listEvents': { sessionId: 1, from: '2026-11-22' },
  'recruitment:firstEvent': { from: '2026-11-22', today: '2026-11-22' },
  'recruitment:createEvents': { sessionId: 1, kind: 'info_session', date: '2026-12-01', startTime: '09:30', endTime: '12:00', capacity: 12, repeatWeekly: 4 },
  'recruitment:updateEvent': { id: 1, changes: { capacity: 15, comment: 'Salle 2' } },
  'recruitment:duplicateEvent': { id: 1, date: '2026-12-15' },
  'recruitment:cancelEvent': { id: 1, reason: 'Formatrice indisponible' },
  'recruitment:deleteEvent': { id: 1 },
  'recruitment:warnings': { today: '2026-11-22' },
  'registrations:list': { eventId: 1, tab: 'presence' },
  'registrations:book': { eventId: 1, traineeIds: [1, 2], newTrainees: [{ lastName: 'Lefèvre', firstName: 'Élodie' }] },
  'registrations:setPresence': { ids: [1, 2], presence: 'present' },
  'registrations:setResult': { ids: [1], result: 'retenu' },
  'registrations:transfer': { id: 1, toEventId: 2, comment: 'Réunion annulée' },
  'registrations:setComment': { id: 1, comment: 'Rappeler lundi : attend l’accord de sa conseillère' },
  'registrations:remove': { id: 1 },
  'lheo:preview': { fileName: 'catalogue.xml', base64: 'PGxoZW8vPg==' },
  'lheo:apply': { jobId: 'a1b2' },
  'lheo:job': { jobId: 'a1b2' },
  'lheo:cancel': { jobId: 'a1b2' },
  'enrolments:list': { statuses: ['inscrit'], entry: 'en_retard', search: 'dupré', today: '2026-11-22' },
  'enrolments:page': { statuses: ['inscrit'], search: 'dupré', today: '2026-11-22', after: { id: 40 }, limit: 2500 },
  'enrolments:get': { id: 1, today: '2026-11-22' },
  'enrolments:create': { sessionId: 1, traineeId: 1, status: 'inscrit', funding: 'region' },
  'enrolments:update': { id: 1, changes: { plannedHours: 560, funding: 'aif', fundingReference: 'AIF-2026-001' } },
  'enrolments:transition': { ids: [1, 2], change: { to: 'entre', effectiveDate: '2026-11-16', comment: 'Entrée collective' } },
  'enrolments:markDeclared': { enrolmentIds: [1, 2], declaredOn: '2026-11-17' },
  'enrolments:unmarkDeclared': { eventId: 1 },
  'interruptions:create': { enrolmentId: 1, startDate: '2026-11-02', endDate: '2026-11-27', reason: 'Arrêt maladie' },
  'interruptions:update': { id: 1, endDate: '2026-11-30' },
  'interruptions:delete': { id: 1 },
  'dashboard:get': { today: '2026-11-22' },
  'attendance:month': { month: '2026-11', sessionId: 1 },
  'attendance:save': {
    month: '2026-11',
    changes: [
      { enrolmentId: 1, date: '2026-11-02', value: 7 },
      { enrolmentId: 1, date: '2026-11-03', value: 'AJ' },
      { enrolmentId: 1, date: '2026-11-04', value: { hours: 3.5, code: 'RDV' } },
      { enrolmentId: 1, date: '2026-11-07', value: 4, force: true },
      { enrolmentId: 2, date: '2026-11-02', value: null }
    ]
  },
  'attendance:prefill': { month: '2026-11', sessionId: 1 },
  'attendance:attest': { month: '2026-11', sessionId: 1 },
  'attendance:unlock': { month: '2026-11', sessionId: 1, reason: 'Absence justifiée reçue après l’attestation' },
  'attendance:export': { month: '2026-11', sessionId: 1, format: 'xlsx', layout: 'kairos', comment: 'Envoyé au financeur' },
  'exitReports:list': { sessionId: 1 },
  'exitReports:get': { enrolmentId: 1 },
  'exitReports:save': { enrolmentId: 1, hoursCompleted: 549.5, hoursOverrideReason: 'Heures de stage en entreprise', certificationResult: 'partielle', nextStep: 'Emploi' },
  'documents:generate': { kind: 'certificat_inscription', sessionId: 1, output: 'both' },
  'documents:check': { kind: 'etat_presence', enrolmentIds: [1], period: '2026-11' },
  'documents:job': { jobId: 'a1b2' },
  'documents:cancel': { jobId: 'a1b2' },
  'documents:list': { traineeId: 1, kind: 'bilan_fin' },
  'documents:open': { id: 1 },
  'documents:download': { id: 1 },
  'documents:folder': {},
  'quotes:list': { status: ['sent', 'accepted'], sessionId: 1, funder: 'region' },
  'quotes:get': { id: 1 },
  'quotes:candidates': { sessionId: 1 },
  'quotes:create': { sessionId: 1, enrolmentIds: [1, 2, 3], hourlyCents: 1250 },
  'quotes:update': { id: 1, changes: { hoursCentre: 399.5, funders: [{ funder: 'cpf', amountCents: 120033 }], extraLines: [{ kind: 'exam', label: null, amountCents: 9000 }] } },
  'quotes:transition': { id: 1, action: 'file', date: '2026-11-20', kairosNumber: 'K-778' },
  'quotes:markFiled': { ids: [1, 2], date: '2026-11-20' },
  'quotes:supersede': { id: 1 },
  'quotes:export': { status: ['draft'], format: 'xlsx' },
  'quotes:sessionFunding': { sessionId: 1 },
  'quotes:setSessionFunding': { sessionId: 1, funders: [{ code: 'region', teachingCostCents: 1250, costUnit: 'hour', reference: 'Marché 2026-04' }] },
  'quotes:enrolmentFunding': { enrolmentId: 1 },
  'quotes:setEnrolmentFunding': { enrolmentId: 1, funding: 'aif', fundingReference: 'DEV-2026-0001' },
  'quotes:settings': {},
  'quotes:setSettings': { hourlyCeilingCents: 1500 },
  'invoices:list': { followUp: ['issued', 'deposited'], year: 2027, search: 'région' },
  'invoices:get': { id: 1 },
  'invoices:sessionFunders': { sessionId: 1 },
  'invoices:createFromSession': { sessionId: 1, funderCode: 'region', issueDate: '2027-01-31' },
  'invoices:createFromEnrolment': { enrolmentId: 1, issueDate: '2027-01-31' },
  'invoices:updateDraft': {
    id: 1,
    issueDate: '2027-01-31',
    buyerName: 'Région Bretagne',
    buyerSiret: '233 500 016 00040',
    buyerSiren: null,
    buyerServiceCode: 'FORMATION-PRO',
    buyerEngagement: '2100456789',
    contractReference: 'Marché 2026-04',
    vatMode: 'exempt',
    lines: [{ label: 'Heures', traineeName: 'Alice ARNAUD', enrolmentId: 1, pricing: 'hourly', quantityHundredths: 3500, unitPriceCents: 1250 }]
  },
  'invoices:deleteDraft': { id: 1 },
  'invoices:check': { id: 1 },
  'invoices:issue': { id: 1, overrideReason: 'Certificat envoyé par courrier' },
  'invoices:deposit': { id: 1, depositedOn: '2027-02-01', chorusNumber: 'CPP-778' },
  'invoices:addPayment': { id: 1, paidOn: '2027-03-01', amountCents: 40000 },
  'invoices:creditNote': { id: 1, issueDate: '2027-02-02', reason: 'Heures non dues', lines: [{ position: 2, quantityHundredths: 400 }] },
  'invoices:file': { id: 1 },
  'invoices:export': { year: 2027, format: 'csv' },
  'invoices:settings': {},
  'invoices:setSettings': { vatExempt: true, paymentTermsDays: 30, iban: 'FR76 3000 4000 0312 3456 7890 143' },
  'consistency:check': { sessionId: 1, asOf: '2027-01-31', enrolmentIds: [1, 2], invoiceId: 3 },
  'bpf:compute': { year: 2026 },
  'bpf:summaryPdf': { year: 2026 },
  'bpf:exportXlsx': { year: 2026 },
  'documents:setFolder': { path: 'C:\\Users\\Claire\\Documents\\Formations générées' },
  'documents:resetFolder': {},
  'documents:verify': { code: 'K7QX2-MA4PD' },
  'sessions:schedule': { sessionId: 1 },
  'sessions:saveSchedule': { sessionId: 1, week: [7, 7, 7, 7, 3.5, 0, 0].map((h) => ({ am: h > 0 ? { start: '09:00', end: '12:30' } : null, pm: h > 4 ? { start: '13:30', end: '17:00' } : null })) },
  'sessions:saveSubjects': { sessionId: 1, subjects: [{ date: '2026-11-16', half: 'am', subject: 'Hygiène HACCP' }] },
  'privacy:export': { traineeId: 1 },
  'privacy:anonymisePreview': { before: '2020-11-22' },
  'privacy:anonymise': { before: '2020-11-22', ids: [1, 2] },
  'privacy:settings': {},
  'privacy:saveSettings': { retentionYears: 6 }
}

describe('the API contract', () => {
  it('has a handler for every operation and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...OPS].sort())
  })

  it.each(OPS)('%s accepts its documented input', (op) => {
    const r = contract[op].input.safeParse(VALID[op])
    expect(r.success, JSON.stringify(!r.success && r.error.issues)).toBe(true)
  })

  it.each(OPS)('%s refuses a non-object and unknown fields', (op) => {
    expect(contract[op].input.safeParse('DROP TABLE trainee').success).toBe(false)
    expect(contract[op].input.safeParse(42).success).toBe(false)
    expect(contract[op].input.safeParse({ ...(VALID[op] as object), injected: true }).success).toBe(false)
  })

  it('normalises identifiers at the boundary', () => {
    const org = contract['organisation:update'].input.parse(VALID['organisation:update'])
    expect(org.siret).toBe('73282932000074')
    const trainee = contract['trainees:create'].input.parse({ lastName: ' Lefèvre ', firstName: 'Élodie', ftId: ' 0676932w ', email: '' })
    expect(trainee.ftId).toBe('0676932W')
    expect(trainee.lastName).toBe('Lefèvre')
    expect(trainee.email).toBeNull()
  })

  it('explains refusals in French', () => {
    const siret = contract['organisation:update'].input.safeParse({ raisonSociale: 'X', siret: '73282932000075' })
    expect(siret.success).toBe(false)
    expect(siret.error?.issues[0]?.message).toMatch(/SIRET/)
    const ftId = contract['trainees:create'].input.safeParse({ lastName: 'A', firstName: 'B', ftId: 'ABC' })
    expect(ftId.error?.issues[0]?.path).toEqual(['ftId'])
    expect(ftId.error?.issues[0]?.message).toMatch(/identifiant/i)
    const missing = contract['trainees:create'].input.safeParse({ lastName: '   ', firstName: 'B' })
    expect(missing.error?.issues[0]?.message).toBe('Le nom est obligatoire.')
    const generic = contract['trainees:get'].input.safeParse({ id: 'x' })
    expect(generic.error?.issues[0]?.message).toMatch(/nombre attendu/)
    const logo = contract['organisation:setLogo'].input.safeParse({ mime: 'image/gif', base64: 'R0lGODlhAQABAAAAACw=' })
    expect(logo.error?.issues[0]?.message).toBe('Le logo doit être une image PNG ou JPEG.')
  })

  it('accepts only complete folder paths for the documents folder', () => {
    const folder = (path: unknown) => contract['documents:setFolder'].input.safeParse({ path })
    for (const ok of ['/home/claire/Documents', 'D:/Formation', 'C:\\Formation\\Documents', '\\\\serveur\\partage\\Documents', '  /tmp/dossier  ']) expect(folder(ok).success, ok).toBe(true)
    expect(folder('  /tmp/dossier  ').data?.path).toBe('/tmp/dossier')
    for (const bad of ['Documents', './docs', '..\\docs', 'C:', 'C:docs', '\\\\serveur', '', '   ', '/tmp/a\u0000b', 42, null]) expect(folder(bad).success, String(bad)).toBe(false)
    expect(folder('Documents').error?.issues[0]).toMatchObject({ path: ['path'], message: expect.stringMatching(/^Indiquez le chemin complet du dossier/) })
    expect(folder('/'.repeat(1001)).success).toBe(false)
  })

  it('bounds sizes so a caller cannot flood the database', () => {
    expect(contract['trainees:create'].input.safeParse({ lastName: 'x'.repeat(101), firstName: 'B' }).success).toBe(false)
    expect(contract['demo:generate'].input.safeParse({ trainees: 1_000_000 }).success).toBe(false)
    expect(contract['trainees:list'].input.safeParse({ search: 'x'.repeat(201) }).success).toBe(false)
  })
})
