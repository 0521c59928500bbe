/** Saves an export answered as base64 (Blob + anchor: the browser host and Electron both download it). */
export function downloadBase64(file: { fileName: string; mime: string; base64: string }): void {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** « 25/10/2026 à 09:30 » from an ISO timestamp, in local time. */
export function formatStampFr(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} à ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** 'yyyy-mm' shifted by n months. */
export function shiftMonth(month: string, n: number): string {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7)) - 1 + n
  const year = y + Math.floor(m / 12)
  const mm = ((m % 12) + 12) % 12
  return `${year}-${String(mm + 1).padStart(2, '0')}`
}
