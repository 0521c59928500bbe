/** What each screen still to be built will hold (domain.md §2–§7), shown instead of a blank page. */
export type PlaceholderId = 'enrolments' | 'attendance' | 'quotes' | 'documents'

export type PlaceholderSpec = {
  description: string
  /** One or more grids, each with its planned columns. */
  grids: { caption: string; columns: string[] }[]
  actions: string[]
  rules: string[]
}

export const PLACEHOLDERS: Record<PlaceholderId, PlaceholderSpec> = {
  enrolments: {
    description:
      'Toutes les inscriptions en formation avec leur statut KAIROS, leur financement et leurs dates. Chaque changement de statut est un événement daté, tracé au nom de la personne qui le saisit, avec la date de déclaration dans KAIROS.',
    grids: [
      {
        caption: 'Inscriptions',
        columns: ['Nom', 'Prénom', 'Identifiant France Travail', 'Formation', 'Session', 'Statut', 'Financement', 'Entrée prévue', 'Entrée effective', 'Sortie', 'Déclaré dans KAIROS le']
      }
    ],
    actions: [
      'Filtrer par session, statut, financement ou date',
      'Actions groupées : changer le statut, marquer « déclaré dans KAIROS »',
      'Saisir une entrée, une interruption, un abandon ou une sortie avec sa date effective',
      'Générer les certificats d’inscription et attestations d’entrée',
      'Exporter le tableau en CSV et XLSX'
    ],
    rules: [
      'Statuts : positionné, retenu / non retenu / en attente, à valider, inscrit, entré, sorti, abandon, inscription annulée.',
      'Entrées, interruptions et sorties se déclarent dans les 3 jours ; les transitions impossibles sont refusées avec un message clair.'
    ]
  },
  attendance: {
    description:
      'L’état de présence mensuel : une ligne par stagiaire, une colonne par jour du mois. On y saisit les heures suivies ou un code d’absence, au clavier, avec le collage depuis Excel ou LibreOffice et la recopie vers le bas. Le mois est attesté (verrouillé) une fois saisi.',
    grids: [
      {
        caption: 'Assiduité du mois',
        columns: ['Stagiaire', 'Session', '1', '2', '3', '4', '5', '…', '30', '31', 'Total heures', 'Absences justifiées', 'Absences non justifiées']
      }
    ],
    actions: [
      'Choisir le mois et la session',
      'Saisir des heures (7 ; 7,5 ; 7h30) ou un code d’absence : AJ, ANJ, MAL, AT, RDV, FAM, ENT',
      'Coller un bloc copié depuis un tableur, recopier vers le bas, annuler',
      'Attester le mois',
      'Exporter au format prêt à recopier dans KAIROS'
    ],
    rules: ['La saisie se fait à partir du 25 de chaque mois, au plus vite : la rémunération des stagiaires en dépend.']
  },
  quotes: {
    description:
      'Les devis AIF (aide individuelle à la formation) adressés à France Travail pour un stagiaire et une session, puis les factures aux financeurs déposées sur Chorus Pro au format Factur-X.',
    grids: [
      {
        caption: 'Devis AIF',
        columns: ['N° devis', 'Stagiaire', 'Session', 'Début', 'Fin', 'Montant total', 'Part France Travail', 'Reste à charge', 'Statut', 'Déposé le']
      },
      {
        caption: 'Factures',
        columns: ['N° facture', 'Financeur', 'Session', 'Date', 'Montant HT', 'Montant TTC', 'Déposée sur Chorus Pro le', 'Statut']
      }
    ],
    actions: ['Établir un devis AIF et l’imprimer', 'Facturer une session ou un stagiaire', 'Générer la facture Factur-X (PDF/A-3)', 'Exporter en CSV et XLSX'],
    rules: [
      'Pas d’AIF quand le CPF couvre le coût (CPF d’abord) ; certification Qualiopi valide obligatoire.',
      'Dates du devis comprises dans celles de la session ; la somme des financements égale le total.',
      'Dépôt au moins 15 jours avant l’entrée en formation (alerte sinon).'
    ]
  },
  documents: {
    description:
      'L’historique des documents PDF générés : certificats d’inscription, attestations d’entrée et de fin de formation, états de présence, feuilles d’émargement, bilans, certificats de réalisation, devis et factures. Chaque document porte l’identité de l’organisme (logo, SIRET, NDA) et un bloc de signature.',
    grids: [
      {
        caption: 'Documents générés',
        columns: ['Date', 'Type de document', 'Stagiaire', 'Session', 'Généré par', 'Fichier', 'Conservation jusqu’au']
      }
    ],
    actions: [
      'Ouvrir ou réimprimer un document',
      'Générer par lot pour toute une session, avec progression et annulation',
      'Produire un fichier par stagiaire et/ou un fichier unique pour l’impression'
    ],
    rules: ['Durées de conservation : certificats 3 ans, pièces justificatives 6 ans (10 ans en cas de cofinancement FSE).']
  }
}
