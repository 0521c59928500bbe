/** The invoices tab of « Devis & factures », on exactly these invoices when given (dashboard counters). */
export function invoicesPath(ids: readonly number[] = []): string {
  return ids.length > 0 ? `/devis-factures?onglet=factures&factures=${ids.join(',')}` : '/devis-factures?onglet=factures'
}

/** The invoice ids of the address (`factures=1,2,3`), undefined when none. */
export function invoiceIdsFromSearch(search: URLSearchParams): number[] | undefined {
  const ids = (search.get('factures') ?? '')
    .split(',')
    .map((s) => Number(s))
    .filter((n) => Number.isInteger(n) && n > 0)
  return ids.length > 0 ? ids : undefined
}
