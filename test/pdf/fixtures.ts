import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { addDays, dayOfWeek } from '@shared/domain/dates'
import type {
  AttestationEntreeData,
  AttestationFinData,
  BilanFinData,
  CertificatInscriptionData,
  CertificatRealisationData,
  DocumentData,
  EmargementData,
  EtatPresenceSessionData,
  EtatPresenceTraineeData,
  OrganisationIdentity,
  PresenceTotals,
  TraineeIdentity,
  TrainingInfo
} from '../../electron/main/pdf/types'

// Plain data for the templates, as the documents service assembles it: accents, « œ », long
// names and titles, amounts.

export const organisation: OrganisationIdentity = {
  name: 'Atelier Formation Bretagne Sud',
  legalForm: 'SAS',
  siret: '84327159300025',
  nda: '53560912356',
  regionCode: '53',
  regionName: 'Bretagne',
  addressLines: ['27 boulevard Cosmao Dumanoir', 'Bâtiment B – 2e étage'],
  postalCode: '56100',
  city: 'Lorient',
  phone: '02 61 91 24 50',
  email: 'contact-lorient@afbs-formation-continue.example',
  website: 'https://www.afbs-formation.example',
  qualiopiNumber: 'FR071923-1',
  logo: { data: new Uint8Array(readFileSync(join(__dirname, '../../resources/icon.png'))), mime: 'image/png' },
  signatoryName: 'Morgane Le Bihan',
  signatoryTitle: 'Directrice'
}

export const trainee: TraineeIdentity = { civility: 'Mme', lastName: 'Lefèvre-Éloïse', firstName: 'Béatrice', ftId: '0676932W', birthDate: '1988-03-14' }
export const longTrainee: TraineeIdentity = {
  civility: 'M',
  lastName: 'de La Rochefoucauld-Montmorency-Châteaubriand Dupont-Aignans',
  firstName: 'François-Xavier',
  ftId: '41N412817672',
  birthDate: '1979-12-01'
}

export const training: TrainingInfo = {
  title: 'Titre professionnel Secrétaire assistant(e) médico-social(e) – œuvre collective',
  formationNumber: '20_1262663',
  actionNumber: '20_1330305',
  sessionNumber: '103725',
  sessionLabel: 'SAMS Lorient – novembre 2026',
  startDate: '2026-11-16',
  endDate: '2027-03-31',
  place: 'Centre de formation Lorient Sud, 12 rue de l’Église, 56100 Lorient',
  totalHours: 563.5,
  certification: 'RNCP 36805 – niveau 4',
  objectives: 'Assurer l’accueil physique et téléphonique, gérer les dossiers des patients ou usagers, coordonner les opérations liées au parcours de l’usager ; être opérationnel(le) dès la sortie : « savoir-être » et ressources numériques.'
}
export const longTraining: TrainingInfo = {
  ...training,
  title: `Titre professionnel ${'Conseiller(ère) en insertion professionnelle et accompagnement des publics éloignés de l’emploi, '.repeat(3)}`.slice(0, 250)
}

export function totals(t: Partial<PresenceTotals>): PresenceTotals {
  return { planned: 0, attended: 0, company: 0, justified: 0, unjustified: 0, unrecorded: 0, extra: 0, short: 0, byCode: [], ...t }
}

const issue = { organisation, issuedOn: '2026-11-22', issuedAt: '2026-11-22T09:30:00.000Z' }

export const certificat: CertificatInscriptionData = {
  ...issue,
  kind: 'certificat_inscription',
  trainee,
  training,
  status: 'inscrit',
  plannedStart: '2026-11-16',
  plannedEnd: '2027-03-31',
  plannedHours: 563.5,
  funding: 'AIF France Travail',
  fundingReference: 'AIF-2026-0412',
  costCents: 425_050,
  rhythm: 'lundi 7 h · mardi 7 h · mercredi 7 h · jeudi 7 h · vendredi 3,5 h',
  weeklyHours: 31.5,
  hoursCentre: 423.5,
  hoursCompany: 140
}
export const entree: AttestationEntreeData = { ...issue, kind: 'attestation_entree', trainee, training, entryDate: '2026-11-16', plannedEnd: '2027-03-31', plannedHours: 563.5, funding: 'AIF France Travail' }

const novemberDays = Array.from({ length: 30 }, (_, i) => addDays('2026-11-01', i))
export const presenceTrainee: EtatPresenceTraineeData = {
  ...issue,
  kind: 'etat_presence',
  scope: 'trainee',
  month: '2026-11',
  trainee,
  training,
  days: novemberDays
    .filter((d) => d >= '2026-11-16' && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))
    .map((date, i) => (i === 3 ? { date, planned: 7, hours: null, note: 'MAL – Maladie, arrêt de travail (7 h)', off: false } : { date, planned: i === 2 ? 7.5 : 7, hours: i === 2 ? 7.5 : 7, note: null, off: false })),
  totals: totals({ planned: 63.5, attended: 56.5, justified: 7, byCode: [{ code: 'MAL', hours: 7, days: 1 }] }),
  absenceLegend: [{ code: 'MAL', label: 'Maladie, arrêt de travail' }, { code: 'FAM', label: 'Événement familial' }],
  events: []
}

/**
 * A typical full month: every weekday of December 2026 but Christmas (22 days), 7 or 7,5 hours,
 * a day of sick leave and a partial absence for a France Travail appointment.
 */
export function fullMonth(options: { withChristmas?: boolean } = {}): EtatPresenceTraineeData {
  const dates = Array.from({ length: 31 }, (_, i) => addDays('2026-12-01', i)).filter((d) => dayOfWeek(d) <= 5 && (options.withChristmas || d !== '2026-12-25'))
  const days = dates.map((date, i) =>
    i === 4
      ? { date, planned: 7, hours: null, note: 'MAL – Maladie, arrêt de travail (7 h)', off: false }
      : i === 9
        ? { date, planned: 7, hours: 3.5, note: 'RDV – Rendez-vous France Travail / employeur (3,5 h)', off: false }
        : { date, planned: i % 3 === 0 ? 7.5 : 7, hours: i % 3 === 0 ? 7.5 : 7, note: null, off: false }
  )
  const planned = dates.reduce((a, _d, i) => a + (i % 3 === 0 ? 7.5 : 7), 0)
  return {
    ...presenceTrainee,
    month: '2026-12',
    issuedOn: '2026-12-31',
    days,
    totals: totals({ attended: days.reduce((a, d) => a + (d.hours ?? 0), 0), planned, justified: 10.5, byCode: [{ code: 'MAL', hours: 7, days: 1 }, { code: 'RDV', hours: 3.5, days: 1 }] }),
    absenceLegend: [{ code: 'MAL', label: 'Maladie, arrêt de travail' }, { code: 'RDV', label: 'Rendez-vous France Travail / employeur' }]
  }
}

export function people(n: number): TraineeIdentity[] {
  const names = ['Dupont', 'Le Goff', 'Hervé', 'Cœurdevey', 'Ménard', 'Bréhélin', 'Jégou', 'Le Dû', 'Quéré', 'Nicolaï']
  const first = ['Marie', 'Élodie', 'Loïc', 'Gaëlle', 'Anaïs', 'Jérôme', 'Françoise', 'Noël', 'Hélène', 'Maëlys']
  return Array.from({ length: n }, (_, i) => ({
    civility: i % 2 === 0 ? 'Mme' : 'M',
    lastName: `${names[i % names.length] ?? 'Dupont'}${i >= names.length ? ` ${i}` : ''}`,
    firstName: first[i % first.length] ?? 'Marie',
    ftId: `${String(1000000 + i * 7919).slice(0, 7)}${'ABCDEFGHJK'[i % 10] ?? 'A'}`,
    birthDate: null
  }))
}

export const presenceSession: EtatPresenceSessionData = {
  ...issue,
  kind: 'etat_presence',
  scope: 'session',
  month: '2026-11',
  training,
  dates: novemberDays,
  closed: novemberDays.map((d) => (d === '2026-11-11' ? 'F' : null)),
  rows: people(14).map((p, r) => {
    const exit = r === 3 ? '2026-11-25' : null
    const cells = novemberDays.map((d, i) => {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay()
      if (exit && d > exit) return { text: d === '2026-11-26' ? 'Sortie' : '', off: true, exit: true }
      if (d < '2026-11-16' || dow === 0 || dow === 6) return { text: '', off: true }
      if ((i + r) % 11 === 0) return { text: r % 4 === 0 ? 'ENT' : 'MAL', off: false }
      return { text: i % 5 === 2 ? '7,5' : '7', off: false }
    })
    const attended = cells.reduce((a, c) => a + (c.text === '7' ? 7 : c.text === '7,5' ? 7.5 : 0), 0)
    const company = cells.filter((c) => c.text === 'ENT').length * 7
    const mal = cells.filter((c) => c.text === 'MAL').length * 7
    return {
      trainee: p,
      cells,
      totals: totals({ planned: attended + company + mal, attended, company, justified: mal, byCode: mal > 0 ? [{ code: 'MAL', hours: mal, days: mal / 7 }] : [] }),
      events: exit ? ['Sortie le 25/11/2026 (emploi)'] : []
    }
  }),
  absenceLegend: [{ code: 'ENT', label: 'Période en entreprise (comptée à part, jamais comme absence)' }, { code: 'MAL', label: 'Maladie, arrêt de travail' }]
}

export const emargement: EmargementData = {
  ...issue,
  kind: 'emargement',
  training,
  weekOf: '2026-11-16',
  days: ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'].map((date) => ({
    date,
    closed: null,
    am: { time: '9h00–12h30', subject: null },
    pm: date === '2026-11-20' ? null : { time: '13h30–17h00', subject: null }
  })),
  rows: people(12).map((trainee) => ({ trainee, note: null, cells: Array.from({ length: 9 }, () => ({ kind: 'sign' as const })) })),
  trainerName: 'Gwénaëlle Tanguy'
}

export const bilan: BilanFinData = {
  ...issue,
  kind: 'bilan_fin',
  trainee,
  training,
  entryDate: '2026-11-16',
  exitDate: '2027-03-31',
  exitReason: 'Fin de formation',
  hoursPlanned: 563.5,
  hoursCompleted: 549.5,
  companyHours: 140,
  totals: totals({ planned: 563.5, attended: 409.5, company: 140, justified: 10.5, unjustified: 3.5 }),
  hoursOverrideReason: null,
  certificationResult: 'partielle',
  certifying: true,
  skillsAcquired: 'CCP 1 « Assurer les missions opérationnelles de la gestion administrative » validé ; maîtrise des logiciels de bureautique et du dossier patient informatisé.',
  nextStep: 'Candidature au poste de secrétaire médicale au centre hospitalier de Lorient ; entretien prévu le 12 avril 2027.',
  comments: 'Très bonne implication ; a su faire preuve d’autonomie en stage !',
  adviserName: 'Yann Le Floc’h',
  adviserEmail: 'yann.lefloch@francetravail.example',
  costCents: 425_050
}

export const attestationFin: AttestationFinData = {
  ...issue,
  kind: 'attestation_fin',
  trainee,
  training,
  nature: 'formation',
  entryDate: '2026-11-16',
  exitDate: '2027-03-31',
  hoursCompleted: 549.5,
  hoursPlanned: 563.5,
  certificationResult: 'totale',
  certifying: true,
  skillsAcquired: 'Ensemble des compétences du titre professionnel (3 CCP) ; sauveteur secouriste du travail.'
}

export const realisation: CertificatRealisationData = {
  ...issue,
  kind: 'certificat_realisation',
  trainee,
  training,
  nature: 'formation',
  employer: null,
  entryDate: '2026-11-16',
  exitDate: '2027-03-31',
  hoursCompleted: 549.5,
  companyHours: 140,
  hoursSource: 'heures établies d’après les feuilles d’émargement, reprises dans les états de présence mensuels attestés ; 140 h en entreprise, déclarées par l’entreprise d’accueil'
}

export const ALL: Record<string, DocumentData> = {
  certificat_inscription: certificat,
  attestation_entree: entree,
  etat_presence_stagiaire: presenceTrainee,
  etat_presence_session: presenceSession,
  emargement,
  bilan_fin: bilan,
  attestation_fin: attestationFin,
  certificat_realisation: realisation
}
