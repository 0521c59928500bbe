// Demo data: The organisation, its partners, places and catalogue (trainings and their actions).
import { addDays } from '@shared/domain/dates'
import { formatHours } from '@shared/domain/hours'
import { PLACES, TRAININGS } from './catalogue'
import { AGENCIES } from './frenchNames'
import { withLuhnKey } from './random'
import type { DemoState } from './demoState'

export function insertOrganisation(b: DemoState): void {
  const siren = withLuhnKey('84327159')
  const siret = withLuhnKey(`${siren}0002`)
  b.ctx.db
    .prepare(
      `UPDATE organisation SET raison_sociale = ?, siret = ?, nda = ?, legal_form = ?, address_line1 = ?, address_line2 = ?,
         postal_code = ?, city = ?, phone = ?, email = ?, website = ?, region_code = ?, qualiopi_number = ?,
         qualiopi_valid_until = ?, signatory_name = ?, signatory_title = ?, updated_at = ?
       WHERE id = 1`
    )
    .run(
      'Atelier Formation Bretagne Sud',
      siret,
      '53560912356',
      'SAS',
      '27 boulevard Cosmao Dumanoir',
      'Bâtiment B – 2e étage',
      '56100',
      'Lorient',
      '02 61 91 24 50',
      'contact@afbs-formation.example',
      'https://www.afbs-formation.example',
      '53',
      'FR071923-1',
      addDays(b.cal.today, 412),
      'Morgane Le Bihan',
      'Directrice',
      b.now
    )
}

export function insertPartners(b: DemoState): void {
  const insert = b.ctx.db.prepare(
    `INSERT INTO partner_org (kind, name, address_line1, postal_code, city, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  insert.run('funder', 'Région Bretagne – Direction de l’emploi et de la formation tout au long de la vie', '283 avenue du Général Patton', '35700', 'Rennes', b.now, b.now)
  insert.run('funder', 'France Travail – Direction régionale Bretagne', null, '35000', 'Rennes', b.now, b.now)
  insert.run('funder', 'AGEFIPH Bretagne', null, '35000', 'Rennes', b.now, b.now)
  for (const a of AGENCIES) insert.run('prescriber', a.name, null, null, null, b.now, b.now)
}

export function insertPlaces(b: DemoState): void {
  const insert = b.ctx.db.prepare(
    `INSERT INTO place (name, address_line1, address_line2, postal_code, city, insee_code, region_code, latitude, longitude, accessible, created_at)
     VALUES (?, ?, ?, ?, ?, ?, '53', ?, ?, 1, ?)`
  )
  for (const p of PLACES) {
    const info = insert.run(p.name, p.addressLine1, p.addressLine2, p.postalCode, p.city, p.inseeCode, p.latitude, p.longitude, b.instant(-900))
    b.placeIds.set(p.key, Number(info.lastInsertRowid))
  }
}

export function insertCatalogue(b: DemoState): void {
  const insertTraining = b.ctx.db.prepare(
    `INSERT INTO training (intercarif_formation_id, title, formacode, formacode_version, nsf_code, rome_codes, objective_code,
       objectives, expected_results, content, certifying, certification_kind, certification_code, certification_level,
       total_hours, access_level, source, created_at, updated_at)
     VALUES (?, ?, ?, 'V14', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'local', ?, ?)`
  )
  const insertAction = b.ctx.db.prepare(
    `INSERT INTO training_action (training_id, intercarif_action_id, places, hours_total, hours_centre, hours_company, rhythm,
       entry_mode, teaching_modality, admission_conditions, prerequisites, price_total_cents, price_hourly_cents, price_details,
       funders_json, trainers, place_id, registration_place_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Présentiel', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  let actionNumber = 0
  TRAININGS.forEach((t, i) => {
    const created = b.instant(-b.rng.int(700, 900))
    const total = t.hoursCentre + t.hoursCompany
    const info = insertTraining.run(
      `53_${1262663 + i * 1379}`,
      t.title,
      t.formacode,
      t.nsfCode,
      t.romeCodes || null,
      t.objectiveCode,
      t.objectives,
      t.expectedResults,
      t.content,
      t.certifying ? 1 : 0,
      t.certificationKind,
      t.certificationCode,
      t.certificationLevel,
      total,
      t.accessLevel,
      created,
      created
    )
    const trainingId = Number(info.lastInsertRowid)
    b.trainingIds.push(trainingId)
    b.summary.trainings++
    const weeklyTotal = t.weeklyHours.reduce((a, b) => a + b, 0)
    for (const area of t.places) {
      const placeId = b.placeIds.get(area) ?? null
      const a = insertAction.run(
        trainingId,
        `53_${1330305 + actionNumber++ * 6151}`,
        14,
        total,
        t.hoursCentre,
        t.hoursCompany,
        `${weeklyTotal >= 30 ? 'Temps plein' : 'Temps partiel'}, ${formatHours(weeklyTotal)} h par semaine`,
        t.entryMode,
        'Information collective, tests de positionnement et entretien individuel',
        t.accessLevel,
        Math.round(total * t.hourlyPriceCents),
        t.hourlyPriceCents,
        'Coût pris en charge par le financeur ; aucun reste à charge pour le stagiaire demandeur d’emploi',
        JSON.stringify(t.funders.map(([code, label]) => ({ code, label }))),
        t.trainers.join(', '),
        placeId,
        placeId,
        created,
        created
      )
      b.actionIds.set(`${i}:${area}`, Number(a.lastInsertRowid))
    }
  })
}
