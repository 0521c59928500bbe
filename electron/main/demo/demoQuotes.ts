// Demo data: AIF quotes: a few enrolments funded by France Travail, in both table layouts.
import type { Day, EnrolmentPlan } from './demoPlans'
import type { DemoState } from './demoState'

export function planQuotes(b: DemoState, enrolments: EnrolmentPlan[]) {
  type Quote = { p: EnrolmentPlan; status: 'sent' | 'accepted' | 'draft'; sentOn: Day | null; answeredOn: Day | null }
  const quotes: Quote[] = []
  const byPreference = (list: EnrolmentPlan[]) =>
    list.find((p) => p.session.training.short === 'DWWM') ?? list.find((p) => p.funding !== 'agefiph') ?? list[0]
  // Filed at least 15 days before the start, as France Travail asks.
  const upcoming = enrolments.filter((p) => p.session.start >= 16)
  const sent =
    byPreference(upcoming.filter((p) => p.status === 'a_valider' || p.status === 'inscrit')) ??
    byPreference(upcoming.filter((p) => p.status === 'retenu' || p.status === 'positionne'))
  if (sent) quotes.push({ p: sent, status: 'sent', sentOn: -b.rng.int(3, 8), answeredOn: null })
  const accepted = byPreference(enrolments.filter((p) => p.status === 'entre' && p.session.start <= -10))
  if (accepted) {
    const sentOn = accepted.session.start - b.rng.int(25, 40)
    quotes.push({ p: accepted, status: 'accepted', sentOn, answeredOn: sentOn + b.rng.int(5, 12) })
  }
  const draft = byPreference(upcoming.filter((p) => (p.status === 'positionne' || p.status === 'retenu') && p !== sent))
  if (draft) quotes.push({ p: draft, status: 'draft', sentOn: null, answeredOn: null })
  quotes.forEach((q, i) => {
    q.p.funding = 'aif'
    q.p.fundingReference = `DEV-${b.year}-${String(i + 1).padStart(4, '0')}`
  })
  return quotes
}

export function insertQuotes(b: DemoState, quotes: ReturnType<typeof planQuotes>): void {
  // The migration tests also fill databases of older versions: the quote table of 0050 has other columns.
  const columns = b.ctx.db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('aif_quote')").all()
  if (columns.some((c) => c.name === 'hours_centre_hundredths')) return insertQuotes50(b, quotes)
  const insertQuote = b.ctx.db.prepare(
    `INSERT INTO aif_quote (number, trainee_id, session_id, enrolment_id, status, start_date, end_date, hours, total_cents, cpf_cents,
       own_contribution_cents, remaining_cost_cents, kairos_reference, sent_on, answered_on, comment, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?)`
  )
  const insertFunder = b.ctx.db.prepare('INSERT INTO aif_quote_funder (quote_id, funder, amount_cents) VALUES (?, ?, ?)')
  for (const q of quotes) {
    const p = q.p
    const s = p.session
    const total = Math.round(s.totalHours * s.training.hourlyPriceCents)
    // CPF first: France Travail only tops up what the trainee's CPF does not cover.
    const cpf = q.status === 'accepted' ? Math.min(p.trainee.cpfCents ?? 0, Math.floor(total / 3)) : 0
    const createdDay = q.sentOn === null ? -b.rng.int(1, 5) : q.sentOn - b.rng.int(0, 2)
    const created = b.instant(createdDay)
    const info = insertQuote.run(
      p.fundingReference,
      p.trainee.id,
      s.id,
      p.id,
      q.status,
      b.iso(s.start),
      b.iso(s.end),
      s.totalHours,
      total,
      cpf,
      q.status === 'accepted' ? `AIF-56-${b.year}-${b.rng.digits(6)}` : null,
      q.sentOn === null ? null : b.iso(q.sentOn),
      q.answeredOn === null ? null : b.iso(q.answeredOn),
      q.status === 'sent' ? 'Devis déposé sur KAIROS, en attente de la décision du conseiller' : null,
      created,
      q.answeredOn === null ? (q.sentOn === null ? created : b.instant(q.sentOn)) : b.instant(q.answeredOn)
    )
    const quoteId = Number(info.lastInsertRowid)
    insertFunder.run(quoteId, 'aif', total - cpf)
    if (cpf > 0) insertFunder.run(quoteId, 'cpf', cpf)
  }
}

/** Quotes as migration 0050 stores them: France Travail's part is what the CPF leaves. */
export function insertQuotes50(b: DemoState, quotes: ReturnType<typeof planQuotes>): void {
  const insertQuote = b.ctx.db.prepare(
    `INSERT INTO aif_quote (number, year, sequence, trainee_id, session_id, enrolment_id, status, start_date, end_date, hours_centre_hundredths,
       pricing_mode, total_cents, france_travail_cents, kairos_reference, sent_on, accepted_on, answered_on, comment, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'flat', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertFunder = b.ctx.db.prepare("INSERT INTO aif_quote_funder (quote_id, funder, amount_cents) VALUES (?, 'cpf', ?)")
  quotes.forEach((q, i) => {
    const p = q.p
    const s = p.session
    const total = Math.round(s.totalHours * s.training.hourlyPriceCents)
    const cpf = q.status === 'accepted' ? Math.min(p.trainee.cpfCents ?? 0, Math.floor(total / 3)) : 0
    const created = b.instant(q.sentOn === null ? -b.rng.int(1, 5) : q.sentOn - b.rng.int(0, 2))
    const answered = q.answeredOn === null ? null : b.iso(q.answeredOn)
    const info = insertQuote.run(
      p.fundingReference,
      b.year,
      i + 1,
      p.trainee.id,
      s.id,
      p.id,
      q.status === 'accepted' ? 'validated' : q.status,
      b.iso(s.start),
      b.iso(s.end),
      Math.round(s.totalHours * 100),
      total,
      // France Travail is asked for what the CPF leaves.
      total - cpf,
      q.status === 'accepted' ? `AIF-56-${b.year}-${b.rng.digits(6)}` : null,
      q.sentOn === null ? null : b.iso(q.sentOn),
      answered,
      answered,
      q.status === 'sent' ? 'Devis déposé sur KAIROS, en attente de la décision du conseiller' : null,
      created,
      b.clerk,
      q.answeredOn === null ? (q.sentOn === null ? created : b.instant(q.sentOn)) : b.instant(q.answeredOn)
    )
    if (cpf > 0) insertFunder.run(Number(info.lastInsertRowid), cpf)
  })
}
