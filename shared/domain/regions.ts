/*
 * The regions of France by INSEE code (COG 2016 onwards): the NDA line of every document names
 * the region whose préfet registered the declaration (« … auprès du préfet de région de Bretagne »).
 * The preposition is part of the name as French writes it after « préfet de région ».
 */
export const REGIONS = {
  '01': 'Guadeloupe',
  '02': 'Martinique',
  '03': 'Guyane',
  '04': 'La Réunion',
  '06': 'Mayotte',
  '11': 'Île-de-France',
  '24': 'Centre-Val de Loire',
  '27': 'Bourgogne-Franche-Comté',
  '28': 'Normandie',
  '32': 'Hauts-de-France',
  '44': 'Grand Est',
  '52': 'Pays de la Loire',
  '53': 'Bretagne',
  '75': 'Nouvelle-Aquitaine',
  '76': 'Occitanie',
  '84': 'Auvergne-Rhône-Alpes',
  '93': 'Provence-Alpes-Côte d’Azur',
  '94': 'Corse'
} as const
export type RegionCode = keyof typeof REGIONS
export const REGION_CODES = Object.keys(REGIONS) as [RegionCode, ...RegionCode[]]

export function isRegionCode(code: string): code is RegionCode {
  return Object.hasOwn(REGIONS, code)
}

export function regionName(code: string | null): string | null {
  return code !== null && isRegionCode(code) ? REGIONS[code] : null
}

/** « de Bretagne », « d’Île-de-France », « de La Réunion » — after « préfet de région ». */
export function ofRegion(name: string): string {
  return /^[aeiouyàâéèêîïôû]/i.test(name) ? `d’${name}` : `de ${name}`
}
