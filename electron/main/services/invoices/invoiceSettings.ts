import type { InvoiceSettings } from '@shared/api/areas/invoices'
import { AppError } from '@shared/api/result'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'

/* Paramètres › Facturation: whether the organisation's training is VAT-exempt, its payment terms and IBAN. */

export function invoiceSettings(db: Db): InvoiceSettings {
  const row = db.prepare<[], { vat: number; days: number; iban: string | null }>('SELECT vat_exempt AS vat, payment_terms_days AS days, iban FROM organisation WHERE id = 1').get()
  if (!row) throw new AppError('not_found', 'La fiche de l’organisme est introuvable.')
  return { vatExempt: row.vat === 1, paymentTermsDays: row.days, iban: row.iban }
}

export function setInvoiceSettings(ctx: ServiceContext, input: InvoiceSettings): InvoiceSettings {
  return ctx.db.transaction(() => {
    const before = invoiceSettings(ctx.db)
    ctx.db.prepare('UPDATE organisation SET vat_exempt = ?, payment_terms_days = ?, iban = ?, updated_at = ? WHERE id = 1').run(input.vatExempt ? 1 : 0, input.paymentTermsDays, input.iban, nowIso(ctx.clock))
    const after = invoiceSettings(ctx.db)
    recordAudit(ctx, { operation: 'organisation.invoiceSettings', entity: 'organisation', entityId: 1, before, after })
    return after
  })()
}
