import type { InvoiceDetail } from '@shared/api/areas/invoices'
import { AppError } from '@shared/api/result'
import { formatEuros } from '@shared/domain/money'
import { outstandingCents } from '@shared/domain/invoiceRules'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { getInvoice } from './invoiceQueries'

/*
 * After issue: the deposit on Chorus Pro (date and Chorus number) and payments, partial or total.
 * These are the only writes an issued invoice accepts (migration 0090's triggers).
 */

const today = (ctx: ServiceContext) => nowIso(ctx.clock).slice(0, 10)

function issuedInvoice(ctx: ServiceContext, id: number): InvoiceDetail {
  const invoice = getInvoice(ctx.db, id, today(ctx))
  if (invoice.status !== 'issued') throw new AppError('refused', 'Cette facture n’est pas encore émise.')
  if (invoice.kind !== 'invoice') throw new AppError('refused', 'Un avoir ne se dépose ni ne se paie ici : il s’impute sur sa facture.')
  return invoice
}

export function recordDeposit(ctx: ServiceContext, input: { id: number; depositedOn: string; chorusNumber: string }): InvoiceDetail {
  ctx.db.transaction(() => {
    const invoice = issuedInvoice(ctx, input.id)
    if (input.depositedOn < invoice.issueDate) throw new AppError('invalid_input', 'Le dépôt ne peut précéder la date de la facture.', [{ path: 'depositedOn', message: 'Date antérieure à la facture.' }])
    if (input.depositedOn > today(ctx)) throw new AppError('invalid_input', 'La date de dépôt est dans le futur.', [{ path: 'depositedOn', message: 'Date future.' }])
    ctx.db.prepare('UPDATE invoice SET chorus_deposited_on = ?, chorus_number = ?, updated_at = ? WHERE id = ?').run(input.depositedOn, input.chorusNumber, nowIso(ctx.clock), input.id)
    recordAudit(ctx, {
      operation: 'invoice.deposit',
      entity: 'invoice',
      entityId: input.id,
      before: { chorusDepositedOn: invoice.chorusDepositedOn, chorusNumber: invoice.chorusNumber },
      after: { chorusDepositedOn: input.depositedOn, chorusNumber: input.chorusNumber }
    })
  })()
  return getInvoice(ctx.db, input.id, today(ctx))
}

type PaymentInput = { id: number; paidOn: string; amountCents: number; method: 'transfer' | 'cheque' | 'card' | 'other' | null; reference: string | null }

export function addPayment(ctx: ServiceContext, input: PaymentInput): InvoiceDetail {
  ctx.db.transaction(() => {
    const invoice = issuedInvoice(ctx, input.id)
    if (input.paidOn < invoice.issueDate) throw new AppError('invalid_input', 'Le paiement ne peut précéder la date de la facture.', [{ path: 'paidOn', message: 'Date antérieure à la facture.' }])
    if (input.paidOn > today(ctx)) throw new AppError('invalid_input', 'La date du paiement est dans le futur.', [{ path: 'paidOn', message: 'Date future.' }])
    const left = outstandingCents({ totalCents: invoice.totalTtcCents, paidCents: invoice.paidCents, creditedCents: invoice.creditedCents })
    if (input.amountCents > left) {
      throw new AppError('invalid_input', `Le paiement dépasse le reste dû (${formatEuros(left)}).`, [{ path: 'amountCents', message: `Reste dû : ${formatEuros(left)}.` }])
    }
    const paymentId = Number(
      ctx.db
        .prepare('INSERT INTO invoice_payment (invoice_id, paid_on, amount_cents, method, reference, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(input.id, input.paidOn, input.amountCents, input.method, input.reference, nowIso(ctx.clock), ctx.actor.name).lastInsertRowid
    )
    recordAudit(ctx, { operation: 'invoice.payment', entity: 'invoice', entityId: input.id, after: { paymentId, paidOn: input.paidOn, amountCents: input.amountCents, method: input.method, reference: input.reference } })
  })()
  return getInvoice(ctx.db, input.id, today(ctx))
}
