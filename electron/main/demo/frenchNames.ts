// Word lists for the demo data. Names mix the Breton, French and immigrant family names a
// training organisation of southern Brittany actually meets, with accents, apostrophes and
// compound forms, so that sorting, searching and upper-casing are exercised.

export const FEMALE_FIRST_NAMES = [
  'Élodie', 'Émilie', 'Hélène', 'Chloé', 'Léa', 'Zoé', 'Anaïs', 'Maëlle', 'Gwenaëlle', 'Noémie',
  'Océane', 'Mélanie', 'Céline', 'Séverine', 'Stéphanie', 'Nathalie', 'Sandrine', 'Valérie', 'Isabelle',
  'Sophie', 'Aurélie', 'Laëtitia', 'Maëva', 'Inès', 'Yasmine', 'Fatima', 'Aïcha', 'Nadia', 'Samira',
  'Khadija', 'Mariama', 'Aminata', 'Fatoumata', 'Linh', 'Anne-Sophie', 'Marie-Claire', 'Marie-Laure',
  'Anne-Laure', 'Marie-Hélène', 'Jeanne', 'Camille', 'Manon', 'Justine', 'Pauline', 'Laura', 'Sarah',
  'Julie', 'Marion', 'Audrey', 'Élise', 'Clémence', 'Morgane', 'Gaëlle', 'Nolwenn', 'Soizic', 'Katell',
  'Enora', 'Rozenn', 'Maïwenn', 'Annaïg', 'Françoise', 'Martine', 'Brigitte', 'Sylvie', 'Christine',
  'Patricia', 'Véronique', 'Karine', 'Virginie', 'Emmanuelle', 'Cécile', 'Agnès', 'Géraldine', 'Ophélie',
  'Lucie', 'Louise', 'Ambre', 'Jade', 'Lina', 'Mélissa', 'Kelly', 'Jessica', 'Cindy', 'Vanessa',
  'Amandine', 'Coralie', 'Ludivine', 'Fanny', 'Estelle', 'Myriam', 'Leïla', 'Salomé', 'Chaïma', 'Hawa',
  'Ana', 'Maria', 'Joana', 'Oksana', 'Daria', 'Elif', 'Marie', 'Laurence', 'Corinne', 'Delphine',
  'Solène', 'Margaux', 'Romane', 'Gwendoline', 'Marie-Noëlle', 'Thi Mai'
] as const

export const MALE_FIRST_NAMES = [
  'Jean-François', 'Jean-Pierre', 'Jean-Marc', 'Jean-Luc', 'Pierre-Yves', 'Yves', 'Yann', 'Erwan',
  'Gwénaël', 'Loïc', 'Ronan', 'Tanguy', 'Goulven', 'Mathéo', 'Maël', 'Killian', 'Kévin', 'Jérémy',
  'Mickaël', 'Grégory', 'Sébastien', 'Stéphane', 'Frédéric', 'Jérôme', 'Hervé', 'Thierry', 'Pascal',
  'Patrick', 'Philippe', 'Laurent', 'Olivier', 'Nicolas', 'Julien', 'Thomas', 'Maxime', 'Alexandre',
  'Antoine', 'Baptiste', 'Romain', 'Guillaume', 'Benoît', 'Cédric', 'Fabrice', 'Ludovic', 'Anthony',
  'Dylan', 'Enzo', 'Lucas', 'Hugo', 'Théo', 'Noé', 'Léo', 'Gaël', 'Mehdi', 'Karim', 'Rachid', 'Mohamed',
  'Youssef', 'Sofiane', 'Bilal', 'Ibrahima', 'Moussa', 'Mamadou', 'Amadou', 'Ousmane', 'Minh', 'Duc',
  'Paulo', 'João', 'Rui', 'Luís', 'Mustafa', 'Emre', 'Andreï', 'Bogdan', 'Ali', 'Omar', 'Hamza',
  'Ilyès', 'Nathan', 'Adrien', 'François', 'Gérard', 'Michel', 'Daniel', 'Bruno', 'Didier', 'Éric',
  'Rémi', 'Aurélien', 'Clément', 'Quentin', 'Florian', 'Valentin', 'Corentin', 'Gaëtan', 'Josselin',
  'Brieuc', 'Malo', 'Jean-Baptiste', 'Pierre-Louis', 'Marc-Antoine', 'Christophe', 'David', 'Franck',
  'Joël', 'Gilles', 'Alain', 'Dominique', 'Serge', 'Arnaud', 'Mathis', 'Samuel', 'Van Long'
] as const

export const LAST_NAMES = [
  // Breton
  'Le Gall', 'Le Goff', 'Le Roux', 'Le Bihan', 'Le Floch', 'Le Corre', 'Le Guen', 'Le Berre', 'Le Borgne',
  'Le Meur', 'Le Bris', 'Le Dantec', 'Le Moal', 'Le Gac', 'Le Hir', 'Le Lay', 'Le Bras', 'Le Cam',
  'Le Coz', 'Le Du', 'Le Fur', 'Le Gallo', 'Le Garrec', 'Le Guennec', 'Le Mouël', 'Le Névé', 'Le Quéré',
  'Le Tallec', 'Le Troadec', 'Le Priol', 'Le Strat', 'Le Bourhis', 'Le Dréau', 'Guillou', 'Tanguy',
  'Morvan', 'Quéré', 'Riou', 'Jaouen', 'Kerjean', 'Kervella', 'Kerhervé', 'Kerbrat', 'Guéguen',
  'Guillemot', 'Jégo', 'Jégou', 'Conan', 'Cadoret', 'Cadic', 'Evanno', 'Ezanno', 'Garrec', 'Hamon',
  'Hervé', 'Lorcy', 'Madec', 'Nicol', 'Ollivier', 'Prigent', 'Rivoal', 'Salaün', 'Tréguer', 'Guyader',
  'Bellec', 'Derrien', 'Lozac’h', 'Pennec', 'Perrot', 'Josse', 'Kerloc’h', 'Le Pennec', 'Jambou',
  'Audran', 'Mahé', 'Corlay', 'Guégan', 'Le Sant', 'Robic', 'Le Texier',
  // French
  'Martin', 'Bernard', 'Dubois', 'Durand', 'Lefèvre', 'Lefebvre', 'Moreau', 'Laurent', 'Girard', 'Roux',
  'Fournier', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Legrand', 'Garnier', 'Faure',
  'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier',
  'Dumont', 'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Gérard', 'Boyer', 'Denis', 'Lemaire', 'Duval',
  'Joly', 'Gautier', 'Roger', 'Roche', 'Roy', 'Noël', 'Meyer', 'Lucas', 'Meunier', 'Marchand', 'Dufour',
  'Blanchard', 'Barbier', 'Brun', 'Dumas', 'Brunet', 'Schmitt', 'Leroux', 'Colin', 'Renard', 'Arnaud',
  'Rolland', 'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Vidal', 'Bourgeois', 'Renaud', 'Lemoine', 'Picard',
  'Gaillard', 'Lacroix', 'Fabre', 'Dupuis', 'Olivier', 'Besnard', 'Chauvin', 'Poirier', 'Hubert',
  'Bouvier', 'Thébault', 'Pelletier', 'Lebreton', 'Bréhier', 'Martin-Leroy', 'Duval-Guérin',
  'Saint-Jalmes', 'Petit-Jean', 'D’Almeida',
  // Other origins
  'Nguyen', 'Tran', 'Pham', 'Lopez', 'Sanchez', 'Pérez', 'Fernandez', 'Rodriguez', 'Da Silva',
  'Dos Santos', 'Ferreira', 'Pereira', 'Lopes', 'Rodrigues', 'Gonçalves', 'Martins', 'Benali',
  'Benmoussa', 'Haddad', 'Bensaïd', 'Cherif', 'Mansouri', 'Belkacem', 'Boukhari', 'El Amrani', 'Diallo',
  'Traoré', 'Camara', 'Diop', 'Ndiaye', 'Sow', 'Cissé', 'Koné', 'Coulibaly', 'Yilmaz', 'Kaya', 'Demir',
  'Popescu', 'Ionescu', 'Kowalski', 'Nowak', 'Petrenko', 'Kovalenko'
] as const

/** Where trainees live: cities around the three centres, weighted by population. */
export type Area = 'lorient' | 'vannes' | 'pontivy'
export type CityDef = { postalCode: string; city: string; area: Area; weight: number }

export const CITIES: readonly CityDef[] = [
  { postalCode: '56100', city: 'Lorient', area: 'lorient', weight: 30 },
  { postalCode: '56600', city: 'Lanester', area: 'lorient', weight: 12 },
  { postalCode: '56270', city: 'Ploemeur', area: 'lorient', weight: 8 },
  { postalCode: '56700', city: 'Hennebont', area: 'lorient', weight: 8 },
  { postalCode: '56530', city: 'Quéven', area: 'lorient', weight: 4 },
  { postalCode: '56260', city: 'Larmor-Plage', area: 'lorient', weight: 3 },
  { postalCode: '56850', city: 'Caudan', area: 'lorient', weight: 3 },
  { postalCode: '56520', city: 'Guidel', area: 'lorient', weight: 4 },
  { postalCode: '56290', city: 'Port-Louis', area: 'lorient', weight: 2 },
  { postalCode: '56700', city: 'Kervignac', area: 'lorient', weight: 2 },
  { postalCode: '56240', city: 'Plouay', area: 'lorient', weight: 2 },
  { postalCode: '56680', city: 'Plouhinec', area: 'lorient', weight: 2 },
  { postalCode: '56410', city: 'Étel', area: 'lorient', weight: 1 },
  { postalCode: '29300', city: 'Quimperlé', area: 'lorient', weight: 5 },
  { postalCode: '56000', city: 'Vannes', area: 'vannes', weight: 24 },
  { postalCode: '56890', city: 'Saint-Avé', area: 'vannes', weight: 4 },
  { postalCode: '56880', city: 'Ploeren', area: 'vannes', weight: 3 },
  { postalCode: '56860', city: 'Séné', area: 'vannes', weight: 4 },
  { postalCode: '56450', city: 'Theix-Noyalo', area: 'vannes', weight: 3 },
  { postalCode: '56400', city: 'Auray', area: 'vannes', weight: 7 },
  { postalCode: '56340', city: 'Carnac', area: 'vannes', weight: 2 },
  { postalCode: '56230', city: 'Questembert', area: 'vannes', weight: 3 },
  { postalCode: '56190', city: 'Muzillac', area: 'vannes', weight: 2 },
  { postalCode: '56170', city: 'Quiberon', area: 'vannes', weight: 2 },
  { postalCode: '56550', city: 'Belz', area: 'vannes', weight: 1 },
  { postalCode: '56300', city: 'Pontivy', area: 'pontivy', weight: 10 },
  { postalCode: '56500', city: 'Locminé', area: 'pontivy', weight: 3 },
  { postalCode: '56150', city: 'Baud', area: 'pontivy', weight: 3 },
  { postalCode: '56120', city: 'Josselin', area: 'pontivy', weight: 2 },
  { postalCode: '56800', city: 'Ploërmel', area: 'pontivy', weight: 5 },
  { postalCode: '56480', city: 'Cléguérec', area: 'pontivy', weight: 1 },
  { postalCode: '22600', city: 'Loudéac', area: 'pontivy', weight: 3 }
]

export const STREETS = [
  'rue Jean Jaurès', 'rue de Verdun', 'rue Victor Hugo', 'avenue de la Marne', 'rue du Port',
  'rue de la Libération', 'boulevard de la République', 'rue des Ajoncs', 'impasse des Genêts',
  'rue de Kerjulaude', 'allée des Hortensias', 'rue Paul Bert', 'rue du Général de Gaulle',
  'place de l’Église', 'rue de Kervénanec', 'résidence de Kerguillette', 'rue Anatole France',
  'chemin de Kerroc’h', 'rue des Camélias', 'rue Saint-Vincent', 'rue de la Gare', 'rue Émile Zola',
  'avenue Jean Moulin', 'rue Louis Pasteur', 'lieu-dit Kerhoat', 'rue du Moulin', 'rue de Pont-Scorff',
  'rue Marcel Sembat', 'rue de Belle-Île', 'quai des Indes'
] as const

export type AgencyDef = { name: string; prescriber: 'france_travail' | 'mission_locale' | 'cap_emploi'; area: Area | 'all' }

/** Each area's agencies, France Travail's first then the mission locale's; Cap emploi covers the
 *  whole department. The order is the demo's: its random draws pick from this list. */
const LOCAL_AGENCIES: readonly (readonly [Area, readonly string[], string])[] = [
  ['lorient', ['Lorient Ville', 'Lanester', 'Hennebont', 'Quimperlé'], 'du Pays de Lorient'],
  ['vannes', ['Vannes Ouest', 'Vannes Est', 'Auray'], 'du Pays de Vannes'],
  ['pontivy', ['Pontivy', 'Ploërmel'], 'Centre Bretagne']
]

export const AGENCIES: readonly AgencyDef[] = [
  ...LOCAL_AGENCIES.flatMap(([area, towns]) => towns.map((town): AgencyDef => ({ name: `France Travail ${town}`, prescriber: 'france_travail', area }))),
  ...LOCAL_AGENCIES.map(([area, , missionLocale]): AgencyDef => ({ name: `Mission locale ${missionLocale}`, prescriber: 'mission_locale', area })),
  { name: 'Cap emploi Morbihan', prescriber: 'cap_emploi', area: 'all' }
]

/** Domains reserved for examples (RFC 2606): demo addresses can never reach a real person. */
export const EMAIL_DOMAINS = ['example.org', 'example.com', 'example.net'] as const
export const ADVISER_EMAIL_DOMAIN: Record<AgencyDef['prescriber'], string> = {
  france_travail: 'francetravail.example',
  mission_locale: 'missionlocale.example',
  cap_emploi: 'capemploi.example'
}
