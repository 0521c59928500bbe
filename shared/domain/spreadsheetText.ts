/*
 * Text written into a file a clerk opens in Excel or LibreOffice: a cell starting with = + - @
 * (or a tab or carriage return) is run as a formula there (« CSV injection »): a trainee named
 * `=HYPERLINK(…)` or `-2+3+CMD|' /C CALC'!A0` must come out as text. Such text gets a leading
 * apostrophe, which spreadsheets show as nothing and read as « this is text ». Phone numbers
 * (+33 6 …) and negative amounts or hours (-12,50 €) are left as they are.
 */

export function looksLikeFormula(text: string): boolean {
  if (/^[=+@\t\r]/.test(text)) return !/^\+\d[\d\s]*$/.test(text)
  if (text.startsWith('-')) return !/^-[\d\s,.\u202F\u00A0]+(€|h)?$/.test(text)
  return false
}

export function spreadsheetSafe(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text
}
