// Generated from the LHEO code tables (lheo-2.3-tables.generated.xml: gml2dict.xsl run on
// lheo/lheo-schema @ bdb4cc88, the equivalent of http://lheo.gouv.fr/2.3/lheo-tables.xml, COPIL LHÉO).
// The 2.3 tables are a superset of the 2.2 ones: the same codes keep the same meaning.
// Do not edit by hand: regenerate from the tables file if the COPIL publishes a new version.

export type LheoTableName =
  | 'dict-boolean'
  | 'dict-modalites-enseignement'
  | 'dict-modalites-es'
  | 'dict-etat-recrutement'
  | 'dict-AIS'
  | 'dict-perimetre-recrutement'
  | 'dict-financeurs'
  | 'dict-type-contact'
  | 'dict-type-parcours'
  | 'dict-type-positionnement'
  | 'dict-type-module'
  | 'dict-modalite-recrutement'
  | 'dict-type-enseignement'
  | 'dict-type-equipement'
  | 'dict-type-validation-blocs'
  | 'dict-type-alternance'
  | 'dict-unite-rythme'
  | 'dict-type-cycle'
  | 'dict-niveaux'

export const LHEO_TABLES: Readonly<Record<LheoTableName, { readonly title: string; readonly entries: Readonly<Record<string, string>> }>> = {
  'dict-boolean': {
    title: "Valeurs booléennes",
    entries: {
      "0": "non",
      "1": "oui"
    }
  },
  'dict-modalites-enseignement': {
    title: "Formation présentielle ou a distance",
    entries: {
      "0": "formation entièrement présentielle",
      "1": "formation mixte",
      "2": "formation entièrement à distance"
    }
  },
  'dict-modalites-es': {
    title: "Modalités d'entrées/sorties",
    entries: {
      "0": "entrées/sorties à dates fixes",
      "1": "entrées/sorties permanentes"
    }
  },
  'dict-etat-recrutement': {
    title: "Etat du recrutement",
    entries: {
      "1": "ouvert",
      "2": "fermé",
      "3": "suspendu"
    }
  },
  'dict-AIS': {
    title: "Objectif général de formation",
    entries: {
      "1": "Code(s) obsolète(s)",
      "6": "Certification",
      "7": "Professionnalisation",
      "8": "Préparation à la qualification",
      "5": "Remise à niveau, maîtrise des savoirs de base, initiation",
      "9": "(Re)mobilisation, aide à l'élaboration de projet professionnel",
      "2": "Perfectionnement, élargissement des compétences",
      "3": "Perfectionnement, élargissement des compétences",
      "4": "Création d'entreprise"
    }
  },
  'dict-perimetre-recrutement': {
    title: "Périmètre de recrutement",
    entries: {
      "0": "Autres",
      "1": "Commune",
      "2": "Département",
      "3": "Région",
      "4": "Interrégion",
      "5": "Pays",
      "6": "International"
    }
  },
  'dict-financeurs': {
    title: "Financeurs",
    entries: {
      "11": "Etat - Ministère chargé de l'emploi",
      "12": "Etat - Ministère de l'éducation nationale",
      "13": "Etat - Autre",
      "2": "Collectivité territoriale - Conseil régional",
      "3": "Fonds européens - FSE",
      "4": "Pôle emploi",
      "5": "Entreprise",
      "6": "ACSÉ (anciennement FASILD)",
      "7": "AGEFIPH",
      "8": "Collectivité territoriale - Conseil général",
      "9": "Collectivité territoriale - Commune",
      "15": "Collectivité territoriale - Autre",
      "10": "Bénéficiaire de l'action",
      "0": "Autre",
      "14": "Fonds européens - Autre",
      "16": "OPCO",
      "17": "Transition Pro",
      "18": "LADOM",
      "19": "État - Ministère de l’intérieur",
      "20": "OFII - Office français de l’immigration et de l'intégration",
      "1": "Code(s) obsolète(s)"
    }
  },
  'dict-type-contact': {
    title: "Type de contact",
    entries: {
      "0": "Autre",
      "1": "Référent handicap",
      "2": "Référent mobilité internationale",
      "3": "Référent pédagogique",
      "4": "Accueil",
      "5": "Direction",
      "6": "Référent qualité",
      "7": "Référent entreprise",
      "8": "Référent commercial",
      "9": "Gestionnaire financier",
      "10": "Direction Déléguée aux Formations Professionnelles et Techniques (DDFPT)",
      "11": "Communication",
      "12": "Référent FOAD",
      "13": "Référent VAE",
      "14": "Référent Apprentissage"
    }
  },
  'dict-type-parcours': {
    title: "Type de parcours de formation",
    entries: {
      "1": "en groupe (non personnalisable)",
      "2": "individualisé",
      "3": "modularisé",
      "4": "mixte"
    }
  },
  'dict-type-positionnement': {
    title: "Type de positionnement",
    entries: {
      "1": "réglementaire",
      "2": "pédagogique"
    }
  },
  'dict-type-module': {
    title: "Type de module",
    entries: {
      "0": "information inconnue",
      "1": "obligatoire",
      "2": "personnalisable"
    }
  },
  'dict-modalite-recrutement': {
    title: "Modalité de recrutement",
    entries: {
      "0": "information inconnue",
      "1": "méthode de recrutement par simulation",
      "2": "concours",
      "3": "dossier",
      "4": "tests pratiques",
      "5": "épreuves écrites",
      "6": "épreuves orales",
      "7": "inscription sur candidature",
      "8": "entretien ou RDV individuel",
      "9": "information collective"
    }
  },
  'dict-type-enseignement': {
    title: "Type d'enseignement",
    entries: {
      "1": "art",
      "2": "enseignement de spécialité",
      "3": "enseignement optionnel",
      "4": "langue",
      "5": "langue vivante 1",
      "6": "langue vivante 2",
      "7": "langue vivante 3",
      "8": "sport",
      "9": "enseignement général",
      "10": "enseignement professionnel"
    }
  },
  'dict-type-equipement': {
    title: "Type d'équipement",
    entries: {
      "0": "Autre",
      "1": "Protection de la tête",
      "2": "Protection des yeux",
      "3": "Protection des mains",
      "4": "Protection de l'ouïe",
      "5": "Protection du corps",
      "6": "Protection des pieds",
      "7": "Protection des voies respiratoires",
      "8": "Protection chutes",
      "9": "Outillage professionnel",
      "10": "Tenue professionnelle",
      "11": "Équipement numérique"
    }
  },
  'dict-type-validation-blocs': {
    title: "Type de validation d'un bloc de compétences",
    entries: {
      "0": "Partielle: certains blocs mais pas la totalité de date à date",
      "1": "Totale: tous les blocs",
      "2": "Mixte: une validation totale mais proposée également en individualisation de parcours avec des blocs accessibles dans cette session"
    }
  },
  'dict-type-alternance': {
    title: "Type de contrat d'alternance",
    entries: {
      "0": "Tout type de contrat d'alternance",
      "1": "Contrat d'apprentissage (CA)",
      "2": "Contrat de professionalisation (CP)"
    }
  },
  'dict-unite-rythme': {
    title: "Unité de rythme",
    entries: {
      "0": "Heure",
      "1": "Demi-journée",
      "2": "Journée",
      "3": "Semaine",
      "4": "Mois"
    }
  },
  'dict-type-cycle': {
    title: "Type de cycle",
    entries: {
      "0": "Formation initiale",
      "1": "Contrat d'apprentissage"
    }
  },
  'dict-niveaux': {
    title: "Niveaux",
    entries: {
      "0": "information non communiquée",
      "1": "sans niveau spécifique",
      "2": "niveau VI (illettrisme, analphabétisme)",
      "3": "niveau V bis (préqualification)",
      "4": "niveau V (CAP, BEP, CFPA du premier degré)",
      "5": "niveau IV (BP, BT, baccalauréat professionnel ou technologique)",
      "6": "niveau III (BTS, DUT)",
      "7": "niveau II (licence ou maîtrise universitaire)",
      "8": "niveau I (supérieur à la maîtrise)",
      "11": "Niveau 1. Maîtrise des savoirs de base",
      "12": "Niveau 2. Capacité à effectuer des activités simples et résoudre des problèmes courants à l'aide de règles et d'outils simples en mobilisant des savoir-faire professionnels dans un contexte structuré",
      "13": "Niveau 3. Capacité à effectuer des activités et résoudre des problèmes en sélectionnant et appliquant des méthodes, des outils, des matériels et des informations de base, dans un contexte connu, ainsi que la capacité à adapter les moyens d'exécution et son comportement aux circonstances",
      "14": "Niveau 4. Capacité à effectuer des activités nécessitant de mobiliser un éventail large d'aptitudes, d'adapter des solutions existantes pour résoudre des problèmes précis, à organiser son travail de manière autonome dans des contextes généralement prévisibles mais susceptibles de changer, ainsi qu'à participer à l'évaluation des activités. Exemple: diplôme national du baccalauréat",
      "15": "Niveau 5. Capacité à maitriser des savoir-faire dans un champ d'activité, à élaborer des solutions à des problèmes nouveaux, à analyser et interpréter des informations, en mobilisant des concepts, à transmettre le savoir-faire et des méthodes",
      "16": "Niveau 6. Capacité à analyser et résoudre des problèmes complexes imprévus dans un domaine spécifique, à formaliser des savoir-faire et des méthodes et à les capitaliser. Exemple: grade de licence",
      "17": "Niveau 7. Capacité à élaborer et mettre en œuvre des stratégies alternatives pour le développement de l'activité professionnelle dans des contextes professionnels complexes, ainsi qu'à évaluer les risques et les conséquences de son activité. Exemple: grade de master",
      "18": "Niveau 8. Capacité à identifier et résoudre des problèmes complexes et nouveaux impliquant une pluralité de domaines, en mobilisant les connaissances et les savoir-faire les plus avancés, à concevoir et piloter des projets et des processus de recherche et d'innovation. Exemple: diplôme national de doctorat"
    }
  }
}

/** Label of a code in a table, or null when the code is not in it. */
export function tableLabel(table: LheoTableName, code: string): string | null {
  return Object.prototype.hasOwnProperty.call(LHEO_TABLES[table].entries, code) ? (LHEO_TABLES[table].entries[code] ?? null) : null
}

/** Codes the COPIL has retired: still accepted by the schema, reported with a warning on import. */
export const OBSOLETE_LABEL = 'Code(s) obsolète(s)'
