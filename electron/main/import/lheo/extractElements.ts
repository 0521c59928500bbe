// The LHEO elements the extractor looks at, and their codes for a compiled schema.
import type { CompiledSchema } from './schema'

/** Elements the extractor looks at; every other element has code 0. */
export const ELEMENT_NAMES = [
  'SIRET',
  'SIRET-formateur',
  'SIRET-organisme-formation',
  'action',
  'adresse',
  'adresse-information',
  'adresse-inscription',
  'certifiante',
  'certification',
  'civilite',
  'code-FORMACODE',
  'code-INSEE-commune',
  'code-NSF',
  'code-RNCP',
  'code-ROME',
  'code-RS',
  'code-financeur',
  'code-niveau-entree',
  'code-niveau-sortie',
  'codepostal',
  'conditions-specifiques',
  'contact-formateur',
  'contact-organisme',
  'contenu-formation',
  'coordonnees',
  'coordonnees-organisme',
  'courriel',
  'debut',
  'denomination',
  'detail-conditions-prise-en-charge',
  'domaine-formation',
  'etat-recrutement',
  'extras',
  'fin',
  'formation',
  'frais-restants',
  'intitule-formation',
  'latitude',
  'lieu-de-formation',
  'ligne',
  'longitude',
  'modalites-enseignement',
  'modalites-entrees-sorties',
  'modalites-recrutement',
  'nb-places-financees',
  'nom',
  'nom-organisme',
  'nombre-heures-centre',
  'nombre-heures-entreprise',
  'nombre-heures-total',
  'numero-activite',
  'numtel',
  'objectif-formation',
  'objectif-general-formation',
  'organisme-financeur',
  'organisme-formateur',
  'organisme-formation-responsable',
  'periode',
  'periode-inscription',
  'portable',
  'prenom',
  'prix-horaire-TTC',
  'prix-total-TTC',
  'raison-sociale',
  'raison-sociale-formateur',
  'region',
  'resultats-attendus',
  'rythme-formation',
  'session',
  'telfixe',
  'url-formation',
  'urlweb',
  'ville',
  'web',
] as const
export type ElementName = (typeof ELEMENT_NAMES)[number]
export const C = Object.fromEntries(ELEMENT_NAMES.map((n, i) => [n, i + 1])) as Record<ElementName, number>
export const CODE_BY_NAME: ReadonlyMap<string, number> = new Map(ELEMENT_NAMES.map((n, i) => [n, i + 1]))

export const codeCache = new WeakMap<CompiledSchema, Int32Array>()

/** Extractor code of each element declaration of a schema, indexed by `ElementDecl.index`. */
export function extractorCodes(schema: CompiledSchema): Int32Array {
  let codes = codeCache.get(schema)
  if (codes === undefined) {
    codes = new Int32Array(schema.elements.size)
    for (const decl of schema.elements.values()) codes[decl.index] = CODE_BY_NAME.get(decl.name) ?? 0
    codeCache.set(schema, codes)
  }
  return codes
}
