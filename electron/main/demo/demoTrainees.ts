// Demo data: Trainees: who they are, who sent them, and their rows.
import { addDays } from '@shared/domain/dates'
import { capitaliseFirstName, foldForSearch, upperName } from '@shared/domain/text'
import { ADVISER_EMAIL_DOMAIN, AGENCIES, CITIES, EMAIL_DOMAINS, FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, STREETS, type AgencyDef, type Area } from './frenchNames'
import type { Prescriber, TraineePlan } from './demoPlans'
import type { DemoState } from './demoState'

const LETTERS = 'ABCDEFGHIJKLMNPQRSTUVWXYZ'
const NOTES = [
  'Permis B et véhiculé(e)',
  'Sans permis : vient en bus (réseau CTRL / Kicéo)',
  'Garde d’enfants : indisponible le mercredi après-midi',
  'Bénéficiaire du RSA',
  'Suivi PLIE',
  'Aménagement de poste demandé (dos)',
  'A déjà travaillé dans le métier (intérim)'
] as const

export function adviserFor(b: DemoState, agency: AgencyDef): { name: string; email: string } {
  let list = b.advisers.get(agency.name)
  if (!list) {
    list = []
    for (let k = 0; k < 4; k++) {
      const female = b.rng.chance(0.7)
      const first = b.rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)
      const last = b.rng.pick(LAST_NAMES)
      list.push({
        name: `${first} ${last}`,
        email: `${emailPart(first)}.${emailPart(last)}@${ADVISER_EMAIL_DOMAIN[agency.prescriber]}`
      })
    }
    b.advisers.set(agency.name, list)
  }
  return b.rng.pick(list)
}

export function planTrainees(b: DemoState): TraineePlan[] {
  const rng = b.rng
  const usedIds = new Set<string>()
  const cityChoices = CITIES.map((c) => [c, c.weight] as const)
  const trainees: TraineePlan[] = []
  for (let i = 0; i < b.traineeCount; i++) {
    const female = rng.chance(0.52)
    const firstRaw = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)
    const lastRaw = rng.pick(LAST_NAMES)
    const ageDays = Math.round((rng.int(18 * 366, 60 * 365) + rng.int(18 * 366, 60 * 365)) / 2)
    const birthDate = addDays(b.cal.today, -ageDays)
    const age = ageDays / 365.25
    const city = rng.weighted(cityChoices)

    let prescriber: Prescriber
    if (age < 26) prescriber = rng.weighted<Prescriber>([['france_travail', 50], ['mission_locale', 45], ['self', 5]])
    else prescriber = rng.weighted<Prescriber>([['france_travail', 86], ['cap_emploi', 7], ['self', 5], ['other', 2]])
    const agencyKind = prescriber === 'mission_locale' || prescriber === 'cap_emploi' ? prescriber : 'france_travail'
    const candidates = AGENCIES.filter((a) => a.prescriber === agencyKind && (a.area === city.area || a.area === 'all'))
    const agency = rng.pick(candidates.length > 0 ? candidates : AGENCIES)
    const adviser = adviserFor(b, agency)

    let ftId: string
    do ftId = `${rng.digits(7)}${LETTERS[rng.int(0, LETTERS.length - 1)]}`
    while (usedIds.has(ftId))
    usedIds.add(ftId)

    const lastName = upperName(lastRaw)
    const firstName = capitaliseFirstName(firstRaw)
    let email: string | null = null
    if (rng.chance(0.93)) {
      const domain = rng.pick(EMAIL_DOMAINS)
      const f = emailPart(firstRaw)
      const l = emailPart(lastRaw)
      const pattern = rng.int(0, 3)
      const local =
        pattern === 0 ? `${f}.${l}` : pattern === 1 ? `${f}.${l}${rng.int(10, 99)}` : pattern === 2 ? `${f.charAt(0)}${l}${rng.int(1, 9)}` : `${l}.${f}`
      email = `${local}@${domain}`
    }
    const married = female && age > 28 && rng.chance(0.12)
    trainees.push({
      id: 0,
      civility: female ? 'Mme' : 'M',
      lastName,
      firstName,
      birthName: married ? upperName(rng.pick(LAST_NAMES)) : null,
      birthDate,
      ftId,
      email,
      // 06 39 98 xx xx is a range reserved for fiction: no real person is ever called.
      phone: `06 39 98 ${rng.digits(2)} ${rng.digits(2)}`,
      addressLine1: `${rng.int(1, 140)}${rng.chance(0.06) ? ' bis' : ''} ${rng.pick(STREETS)}`,
      addressLine2: rng.chance(0.15) ? `Appartement ${rng.int(1, 48)}, bâtiment ${rng.pick(['A', 'B', 'C', 'D'])}` : null,
      postalCode: city.postalCode,
      city: city.city,
      area: city.area,
      prescriber,
      agency: prescriber === 'self' ? null : agency.name,
      adviserName: adviser.name,
      adviserEmail: adviser.email,
      cpfCents: rng.chance(0.4) ? rng.int(0, 320) * 1000 : null,
      notes: rng.chance(0.12) ? rng.pick(NOTES) : null,
      createdDay: -rng.int(1, 400)
    })
  }
  return trainees
}

export function takeTrainee(pools: Map<Area, TraineePlan[]>, area: Area): TraineePlan | undefined {
  const own = pools.get(area)
  if (own && own.length > 0) return own.pop()
  let best: TraineePlan[] | undefined
  for (const p of pools.values()) if (!best || p.length > best.length) best = p
  return best?.pop()
}

export function insertTrainees(b: DemoState, trainees: TraineePlan[]): void {
  const insert = b.ctx.db.prepare(
    `INSERT INTO trainee (ft_id, civility, last_name, first_name, birth_name, birth_date, email, phone, address_line1, address_line2,
       postal_code, city, prescriber, prescriber_agency, adviser_name, adviser_email, cpf_balance_cents, notes, search_text,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  for (const t of trainees) {
    // Same key as the trainee service builds, so search behaves the same on demo data.
    const search = foldForSearch([t.lastName, t.firstName, t.ftId, t.email, t.city, t.postalCode].filter(Boolean).join(' '))
    const created = b.instant(t.createdDay)
    const info = insert.run(
      t.ftId,
      t.civility,
      t.lastName,
      t.firstName,
      t.birthName,
      t.birthDate,
      t.email,
      t.phone,
      t.addressLine1,
      t.addressLine2,
      t.postalCode,
      t.city,
      t.prescriber,
      t.agency,
      t.adviserName,
      t.adviserEmail,
      t.cpfCents,
      t.notes,
      search,
      created,
      created
    )
    t.id = Number(info.lastInsertRowid)
    b.summary.trainees++
  }
}

/** Lower-case ASCII for e-mail addresses: "Le Gall" → "legall", "Jean-François" → "jean-francois". */
function emailPart(s: string): string {
  return foldForSearch(s).replace(/[^a-z-]/g, '')
}
