import type { Area } from './frenchNames'

// The demo organisation's catalogue. Titles, ROME and NSF codes are the real ones of these
// trades; InterCarif, formacode and RNCP/RS numbers are illustrative (right shape, not looked up).

export type PlaceDef = {
  key: Area
  name: string
  addressLine1: string
  addressLine2: string | null
  postalCode: string
  city: string
  inseeCode: string
  latitude: number
  longitude: number
}

export const PLACES: readonly PlaceDef[] = [
  {
    key: 'lorient',
    name: 'Centre de Lorient',
    addressLine1: '27 boulevard Cosmao Dumanoir',
    addressLine2: 'Bâtiment B – 2e étage',
    postalCode: '56100',
    city: 'Lorient',
    inseeCode: '56121',
    latitude: 47.7457,
    longitude: -3.3653
  },
  {
    key: 'vannes',
    name: 'Centre de Vannes – Parc du Prat',
    addressLine1: '8 rue Alfred Kastler',
    addressLine2: 'Parc d’activités du Prat',
    postalCode: '56000',
    city: 'Vannes',
    inseeCode: '56260',
    latitude: 47.6671,
    longitude: -2.7853
  },
  {
    key: 'pontivy',
    name: 'Antenne de Pontivy',
    addressLine1: '4 quai Niemen',
    addressLine2: null,
    postalCode: '56300',
    city: 'Pontivy',
    inseeCode: '56178',
    latitude: 48.0681,
    longitude: -2.9628
  }
]

export type FundingMix = readonly (readonly ['region' | 'aif' | 'cpf' | 'agefiph' | 'opco' | 'self' | 'other', number])[]

export type TrainingDef = {
  short: string
  title: string
  formacode: string
  nsfCode: string
  romeCodes: string
  objectiveCode: number
  objectives: string
  expectedResults: string
  content: string
  certifying: boolean
  certificationKind: 'RNCP' | 'RS' | null
  certificationCode: string | null
  certificationLevel: number | null
  accessLevel: string
  hoursCentre: number
  hoursCompany: number
  weeklyHours: readonly number[]
  entryMode: 'fixed' | 'permanent'
  places: readonly Area[]
  /** Relative number of sessions. */
  weight: number
  funders: readonly (readonly [string, string])[]
  funding: FundingMix
  fundingReference: string | null
  hourlyPriceCents: number
  trainers: readonly string[]
  skills: string
}

const REGION_QUALIF: readonly [string, string] = ['2', 'Conseil régional de Bretagne – QUALIF Emploi programme']
const REGION_PREPA: readonly [string, string] = ['2', 'Conseil régional de Bretagne – PRÉPA Avenir']
const FSE: readonly [string, string] = ['3', 'Fonds social européen (FSE+)']
const FRANCE_TRAVAIL: readonly [string, string] = ['4', 'France Travail – Aide individuelle à la formation (AIF)']
const BENEFICIARY: readonly [string, string] = ['10', 'Bénéficiaire de l’action (CPF)']
const AGEFIPH: readonly [string, string] = ['7', 'AGEFIPH']

const REGION_FUNDING: FundingMix = [
  ['region', 90],
  ['cpf', 3],
  ['aif', 3],
  ['opco', 1],
  ['self', 1],
  ['other', 2]
]

/** The regional QUALIF Emploi programme buys most of the catalogue, one lot per trade. */
const qualifEmploi = (lot: string, funders: TrainingDef['funders'] = [REGION_QUALIF, FSE]) =>
  ({ funders, funding: REGION_FUNDING, fundingReference: `QUALIF Emploi 2025-2028 – lot ${lot}` }) as const

type Defaulted = 'objectiveCode' | 'accessLevel' | 'weeklyHours' | 'entryMode'
type CertificationFields = 'certifying' | 'certificationKind' | 'certificationCode' | 'certificationLevel'

/** A training as written below: what most trainings share is left out, and a certification is its
 *  registry code (whose prefix says RNCP or RS) with its level. */
type TrainingRow = Omit<TrainingDef, Defaulted | CertificationFields> &
  Partial<Pick<TrainingDef, Defaulted>> & { certification: readonly [code: string, level: number | null] | null }

function training({ certification, ...row }: TrainingRow): TrainingDef {
  const [code, level] = certification ?? [null, null]
  return {
    objectiveCode: 6,
    accessLevel: 'Sans niveau spécifique',
    weeklyHours: [7, 7, 7, 7, 7, 0, 0],
    entryMode: 'fixed',
    ...row,
    certifying: code !== null,
    certificationKind: code === null ? null : code.startsWith('RS') ? 'RS' : 'RNCP',
    certificationCode: code,
    certificationLevel: level
  }
}

export const TRAININGS: readonly TrainingDef[] = [
  training({
    short: 'APH',
    title: 'Titre professionnel Agent de propreté et d’hygiène',
    formacode: '42052',
    nsfCode: '343',
    romeCodes: 'K2204',
    objectives: 'Réaliser une prestation de nettoyage manuel et mécanisé, dans le respect des règles d’hygiène et de sécurité.',
    expectedResults: 'Titre professionnel de niveau 3 (CAP/BEP), ou un ou plusieurs certificats de compétences professionnelles.',
    content: 'Nettoyage manuel des surfaces ; nettoyage mécanisé (monobrosse, autolaveuse) ; remise en état ; gestes et postures ; SST ; période en entreprise.',
    certification: ['RNCP34889', 3],
    hoursCentre: 399,
    hoursCompany: 140,
    places: ['lorient', 'vannes', 'pontivy'],
    weight: 14,
    ...qualifEmploi('56-07'),
    hourlyPriceCents: 1080,
    trainers: ['Patrick Le Bras', 'Sandrine Guillou'],
    skills: 'Nettoyage manuel et mécanisé des surfaces, utilisation de l’autolaveuse et de la monobrosse, protocoles d’hygiène.'
  }),
  training({
    short: 'ADVF',
    title: 'Titre professionnel Assistant(e) de vie aux familles',
    formacode: '42056',
    nsfCode: '330',
    romeCodes: 'K1302,K1304',
    objectives: 'Accompagner des personnes fragilisées dans leur vie quotidienne et assurer la garde d’enfants à domicile.',
    expectedResults: 'Titre professionnel de niveau 3 Assistant(e) de vie aux familles.',
    content: 'Entretien du logement et du linge ; accompagnement de la personne dans les actes essentiels ; relais parental ; SST ; deux périodes en entreprise.',
    certification: ['RNCP35506', 3],
    hoursCentre: 476,
    hoursCompany: 210,
    places: ['lorient', 'vannes', 'pontivy'],
    weight: 14,
    ...qualifEmploi('56-03'),
    hourlyPriceCents: 1120,
    trainers: ['Véronique Le Moal', 'Nathalie Prigent'],
    skills: 'Entretien du cadre de vie, aide aux repas et à la toilette, prévention des risques à domicile, garde d’enfants.'
  }),
  training({
    short: 'PCE',
    title: 'Titre professionnel Préparateur de commandes en entrepôt (CACES R489 cat. 1A, 3 et 5)',
    formacode: '31811',
    nsfCode: '311',
    romeCodes: 'N1103',
    objectives: 'Préparer des commandes en entrepôt à l’aide d’un chariot automoteur, dans le respect des délais et de la sécurité.',
    expectedResults: 'Titre professionnel de niveau 3 et CACES R489 catégories 1A, 3 et 5.',
    content: 'Réception et stockage ; préparation de commandes vocale et par terminal ; conduite de chariots ; inventaires ; CACES ; période en entreprise.',
    certification: ['RNCP38412', 3],
    hoursCentre: 315,
    hoursCompany: 105,
    places: ['lorient', 'vannes'],
    weight: 12,
    ...qualifEmploi('56-11', [REGION_QUALIF]),
    hourlyPriceCents: 1250,
    trainers: ['Jean-Marc Le Guen', 'Mickaël Derrien'],
    skills: 'Préparation de commandes, conduite en sécurité des chariots R489 catégories 1A, 3 et 5, inventaires.'
  }),
  training({
    short: 'SA',
    title: 'Titre professionnel Secrétaire assistant(e)',
    formacode: '35054',
    nsfCode: '324',
    romeCodes: 'M1607',
    objectives: 'Assurer les travaux courants de secrétariat, l’accueil et le suivi administratif des ressources humaines et des achats.',
    expectedResults: 'Titre professionnel de niveau 4 Secrétaire assistant(e).',
    content: 'Production de documents professionnels ; accueil physique et téléphonique ; organisation des déplacements ; suivi administratif RH et commercial ; période en entreprise.',
    certification: ['RNCP36805', 4],
    accessLevel: 'Niveau 3 (CAP, BEP) ou expérience équivalente',
    hoursCentre: 574,
    hoursCompany: 140,
    weeklyHours: [7, 7, 7, 7, 3.5, 0, 0],
    places: ['lorient', 'vannes'],
    weight: 10,
    ...qualifEmploi('56-14'),
    hourlyPriceCents: 1050,
    trainers: ['Anne-Laure Kerbrat', 'Christine Madec'],
    skills: 'Traitement de texte et tableur avancés, accueil, gestion d’agendas, suivi administratif du personnel et des achats.'
  }),
  training({
    short: 'CIP',
    title: 'Titre professionnel Conseiller(ère) en insertion professionnelle',
    formacode: '44092',
    nsfCode: '332',
    romeCodes: 'K1801',
    objectives: 'Accueillir et accompagner des personnes dans leur parcours d’insertion sociale et professionnelle.',
    expectedResults: 'Titre professionnel de niveau 5 Conseiller(ère) en insertion professionnelle.',
    content: 'Accueil et diagnostic ; accompagnement individuel ; animation d’ateliers collectifs ; relations avec les entreprises ; période en entreprise.',
    certification: ['RNCP37274', 5],
    accessLevel: 'Niveau 4 (baccalauréat) ou expérience équivalente',
    hoursCentre: 630,
    hoursCompany: 175,
    weeklyHours: [7, 7, 7, 7, 3.5, 0, 0],
    places: ['vannes'],
    weight: 5,
    ...qualifEmploi('56-21'),
    hourlyPriceCents: 1150,
    trainers: ['Gwénaël Riou'],
    skills: 'Conduite d’entretiens d’accompagnement, animation de groupes, prospection des entreprises, diagnostic socioprofessionnel.'
  }),
  training({
    short: 'CléA',
    title: 'Remise à niveau – Certificat de connaissances et de compétences professionnelles (CléA)',
    formacode: '15061',
    nsfCode: '415',
    romeCodes: '',
    objectives: 'Acquérir le socle de connaissances et de compétences professionnelles et obtenir le certificat CléA.',
    expectedResults: 'Certificat CléA (total ou partiel, domaines validés).',
    content: 'Évaluation préalable ; français ; calcul ; numérique ; travail en équipe ; apprendre à apprendre ; règles et sécurité ; évaluation finale.',
    certification: ['RS5080', null],
    hoursCentre: 168,
    hoursCompany: 0,
    weeklyHours: [3.5, 3.5, 3.5, 3.5, 0, 0, 0],
    entryMode: 'permanent',
    places: ['lorient', 'vannes', 'pontivy'],
    weight: 12,
    funders: [REGION_PREPA],
    funding: [['region', 92], ['cpf', 5], ['opco', 3]],
    fundingReference: 'PRÉPA Clés 2025 – lot 56',
    hourlyPriceCents: 880,
    trainers: ['Maëlle Jaouen', 'Hervé Cadoret', 'Soizic Le Tallec'],
    skills: 'Domaines CléA validés : communication en français, calcul, numérique, règles de sécurité.'
  }),
  training({
    short: 'DWWM',
    title: 'Titre professionnel Développeur web et web mobile',
    formacode: '31054',
    nsfCode: '326',
    romeCodes: 'M1805',
    objectives: 'Développer la partie front-end et back-end d’applications web et web mobile sécurisées.',
    expectedResults: 'Titre professionnel de niveau 5 Développeur web et web mobile.',
    content: 'HTML/CSS, JavaScript, frameworks front-end ; bases de données ; PHP et API ; sécurité ; méthodes agiles ; stage en entreprise.',
    certification: ['RNCP37674', 5],
    accessLevel: 'Niveau 4 (baccalauréat) ; tests de logique à l’entrée',
    hoursCentre: 805,
    hoursCompany: 280,
    places: ['lorient'],
    weight: 4,
    funders: [FRANCE_TRAVAIL, BENEFICIARY],
    funding: [['aif', 55], ['cpf', 30], ['self', 5], ['opco', 5], ['other', 5]],
    fundingReference: null,
    hourlyPriceCents: 1390,
    trainers: ['Thomas Le Floch', 'Elif Yilmaz'],
    skills: 'Intégration responsive, JavaScript et TypeScript, PHP et SQL, API REST, tests, déploiement.'
  }),
  training({
    short: 'CUIS',
    title: 'Titre professionnel Cuisinier(ère)',
    formacode: '42752',
    nsfCode: '221',
    romeCodes: 'G1602',
    objectives: 'Préparer et cuisiner des plats en restauration traditionnelle, collective ou commerciale.',
    expectedResults: 'Titre professionnel de niveau 3 Cuisinier(ère).',
    content: 'Hygiène HACCP ; préparations de base ; cuisson des viandes, poissons et légumes ; pâtisserie ; dressage ; période en entreprise.',
    certification: ['RNCP34181', 3],
    hoursCentre: 595,
    hoursCompany: 210,
    places: ['lorient', 'vannes'],
    weight: 6,
    ...qualifEmploi('56-09'),
    hourlyPriceCents: 1210,
    trainers: ['Erwan Le Garrec', 'Ludovic Salaün'],
    skills: 'Préparations culinaires de base, cuissons, pâtisserie simple, hygiène HACCP, dressage.'
  }),
  training({
    short: 'ECM',
    title: 'Titre professionnel Employé(e) commercial(e) en magasin',
    formacode: '34566',
    nsfCode: '312',
    romeCodes: 'D1507,D1106',
    objectives: 'Approvisionner les rayons, accueillir et conseiller la clientèle, tenir une caisse.',
    expectedResults: 'Titre professionnel de niveau 3 Employé(e) commercial(e) en magasin.',
    content: 'Réception et mise en rayon ; gestion des stocks ; relation client ; encaissement ; période en entreprise.',
    certification: ['RNCP37099', 3],
    hoursCentre: 434,
    hoursCompany: 175,
    places: ['vannes', 'pontivy'],
    weight: 7,
    ...qualifEmploi('56-16', [REGION_QUALIF]),
    hourlyPriceCents: 1020,
    trainers: ['Aurélie Hamon', 'Cédric Evanno'],
    skills: 'Mise en rayon et merchandising, gestion des stocks, accueil et conseil client, tenue de caisse.'
  }),
  training({
    short: 'PRÉPA',
    title: 'PRÉPA Avenir – Construire son projet professionnel',
    formacode: '15084',
    nsfCode: '415',
    romeCodes: '',
    objectiveCode: 9,
    objectives: 'Élaborer un projet professionnel réaliste et un plan d’action vers la formation qualifiante ou l’emploi.',
    expectedResults: 'Projet professionnel validé et plan d’action ; attestation de fin de formation.',
    content: 'Connaissance de soi ; découverte des métiers ; enquêtes et immersions en entreprise (PMSMP) ; remise à niveau ; techniques de recherche d’emploi.',
    certification: null,
    hoursCentre: 245,
    hoursCompany: 70,
    weeklyHours: [6, 6, 6, 6, 6, 0, 0],
    entryMode: 'permanent',
    places: ['lorient', 'vannes', 'pontivy'],
    weight: 8,
    funders: [REGION_PREPA, FSE],
    funding: [['region', 100]],
    fundingReference: 'PRÉPA Avenir 2025 – lot 56-02',
    hourlyPriceCents: 920,
    trainers: ['Morgane Kerjean', 'Yann Tanguy'],
    skills: 'Projet professionnel formalisé, connaissance du marché du travail local, techniques de recherche d’emploi.'
  }),
  training({
    short: 'AR',
    title: 'Titre professionnel Agent(e) de restauration – parcours adapté',
    formacode: '42781',
    nsfCode: '221',
    romeCodes: 'G1603',
    objectives: 'Préparer et servir des repas en restauration collective, avec un accompagnement adapté au handicap.',
    expectedResults: 'Titre professionnel de niveau 3 Agent(e) de restauration.',
    content: 'Production alimentaire ; service en restauration collective ; plonge et entretien ; hygiène ; accompagnement individualisé ; période en entreprise.',
    certification: ['RNCP36891', 3],
    accessLevel: 'Sans niveau spécifique ; reconnaissance de la qualité de travailleur handicapé',
    hoursCentre: 420,
    hoursCompany: 140,
    weeklyHours: [6, 6, 6, 6, 6, 0, 0],
    places: ['lorient'],
    weight: 3,
    funders: [AGEFIPH, REGION_QUALIF],
    funding: [['agefiph', 80], ['region', 20]],
    fundingReference: 'Convention AGEFIPH Bretagne 2026',
    hourlyPriceCents: 1180,
    trainers: ['Fabrice Le Cam'],
    skills: 'Préparations froides et chaudes simples, service en self, plonge, hygiène en restauration collective.'
  })
]

export const STAFF = [
  'Claire Martin', 'Sophie Le Gall', 'Julien Guéguen', 'Marion Le Corre', 'Stéphane Jégo', 'Gaëlle Ollivier'
] as const

export const DROPOUT_REASONS: readonly (readonly [readonly [string, string], number])[] = [
  [['EMPLOI', 'Reprise d’emploi (CDI ou CDD de plus de 6 mois)'], 35],
  [['SANTE', 'Raisons de santé'], 20],
  [['PERSO', 'Raisons personnelles ou familiales'], 20],
  [['DEMENAGEMENT', 'Déménagement'], 8],
  [['EXCLUSION', 'Exclusion (règlement intérieur)'], 4],
  [['SANS_MOTIF', 'Abandon sans motif communiqué'], 13]
] as const

export const CANCEL_REASONS: readonly (readonly [readonly [string, string], number])[] = [
  [['MATERIEL', 'Raison matérielle (transport, garde d’enfant)'], 30],
  [['EMPLOI', 'Reprise d’emploi en entreprise'], 30],
  [['DESISTEMENT', 'Désistement du candidat'], 25],
  [['SANTE', 'Raisons de santé'], 15]
] as const

export const NON_RETENU_COMMENTS = [
  'Projet professionnel à consolider',
  'Prérequis non atteints aux tests de positionnement',
  'Contre-indication médicale au métier',
  'Mobilité insuffisante pour les périodes en entreprise',
  'Orientation vers une autre formation plus adaptée'
] as const

export const INTERRUPTION_REASONS = [
  'Arrêt maladie (hospitalisation)',
  'Raisons familiales (garde d’enfant malade)',
  'Contrat de travail court (mission d’intérim)'
] as const

export const NEXT_STEPS: readonly (readonly [readonly [string, string | null], number])[] = [
  [['Recherche d’emploi active', null], 30],
  [['CDI', 'dans une entreprise rencontrée pendant le stage'], 15],
  [['CDD de plus de 6 mois', null], 15],
  [['Mission d’intérim', null], 12],
  [['Poursuite en formation qualifiante', null], 12],
  [['Création d’entreprise', 'accompagnement BGE Morbihan'], 3],
  [['Contrat en alternance', null], 8],
  [['Sans solution pour le moment', null], 5]
] as const
