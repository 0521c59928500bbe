import type { SessionTab } from '../catalogue/catalogueRoutes'

export type SessionTabPlaceholder = {
  title: string
  description: string
  columns: string[]
  actions: string[]
  rule: string
}

/** What the tabs of a session built by later issues will hold (domain.md §3–§6), shown instead of a blank tab. */
export const SESSION_TAB_PLACEHOLDERS: Record<Exclude<SessionTab, 'synthese' | 'recrutement' | 'planning'>, SessionTabPlaceholder> = {
  inscrits: {
    title: 'Inscrits de la session',
    description:
      'Toutes les inscriptions en formation de cette session avec leur statut KAIROS (retenu, à valider, inscrit, entré, sorti, abandon, inscription annulée), leur financement et leurs dates prévues. Chaque changement de statut est un événement daté, tracé, avec sa date de déclaration dans KAIROS.',
    columns: ['Nom', 'Prénom', 'Identifiant France Travail', 'Statut', 'Depuis le', 'Financement', 'Entrée prévue', 'Sortie prévue', 'Déclaré dans KAIROS le'],
    actions: [
      'Passer un ou plusieurs candidats retenus à « à valider » puis « inscrit »',
      'Générer le certificat d’inscription (retenu ou inscrit)',
      'Annuler une inscription avant l’entrée, avec son motif'
    ],
    rule: 'Une inscription jamais passée en « inscrit » n’est pas payée et le stagiaire n’est pas rémunéré.'
  },
  entrees: {
    title: 'Entrées en formation',
    description:
      'L’entrée effective de chaque inscrit (AES), à déclarer le jour même et au plus tard 3 jours après. Les entrées en retard apparaissent aussi sur le tableau de bord.',
    columns: ['Nom', 'Prénom', 'Entrée prévue', 'Entrée effective', 'Délai', 'Déclarée dans KAIROS le', 'Attestation d’entrée'],
    actions: ['Saisir les entrées de plusieurs stagiaires à la même date', 'Cocher « déclaré dans KAIROS » avec sa date', 'Générer les attestations d’entrée'],
    rule: 'Entrée, interruption et sortie se déclarent dans les 3 jours (décret 2019-1386).'
  },
  assiduite: {
    title: 'Assiduité de la session',
    description:
      'Le mois en cours pour tous les stagiaires de la session : heures suivies ou code d’absence jour par jour, saisis comme dans un tableur, puis attestés à partir du 25 du mois.',
    columns: ['Stagiaire', '1', '2', '3', '…', '30', '31', 'Heures du mois', 'Absences justifiées', 'Absences non justifiées', 'Attesté le'],
    actions: ['Saisir les heures (7 ; 7,5 ; 7h30) ou un code d’absence', 'Imprimer la feuille d’émargement de la semaine', 'Attester le mois et imprimer l’état de présence mensuel'],
    rule: 'La saisie se fait à partir du 25 de chaque mois, au plus vite : la rémunération des stagiaires en dépend.'
  },
  bilans: {
    title: 'Bilans de fin de formation',
    description:
      'Pour chaque stagiaire sorti : dates, heures réalisées, résultat de la certification (obtenue, partiellement, non), compétences acquises et suite de parcours ; le bilan est envoyé au stagiaire, au conseiller et à la comptabilité.',
    columns: ['Nom', 'Prénom', 'Sortie le', 'Motif', 'Heures réalisées', 'Certification', 'Suite de parcours', 'Bilan envoyé le'],
    actions: ['Rédiger le bilan de fin de formation', 'Générer l’attestation de fin de formation et le certificat de réalisation', 'Produire un fichier unique pour toute la session'],
    rule: 'L’attestation de fin de formation (art. L6353-1) indique objectifs, nature, durée et résultats de l’évaluation.'
  },
  devis: {
    title: 'Devis AIF de la session',
    description: 'Les devis d’aide individuelle à la formation adressés à France Travail pour les stagiaires de cette session, avec leur statut et leur date de dépôt.',
    columns: ['N° devis', 'Stagiaire', 'Montant total', 'Part France Travail', 'Reste à charge', 'Statut', 'Déposé le'],
    actions: ['Établir un devis AIF pour un stagiaire', 'Vérifier les règles : CPF d’abord, Qualiopi valide, dates dans celles de la session', 'Imprimer le devis'],
    rule: 'Dépôt au moins 15 jours avant l’entrée en formation (alerte sinon) ; la somme des financements égale le total.'
  }
}
