import { constants, crc32, deflateRawSync } from 'node:zlib'

/*
 * A minimal zip writer for tests that need archives no library would write: parts whose central
 * directory declares other sizes than their data (a lying zip bomb), or data deflated from
 * repeated blocks (a gigabyte of XML in a megabyte).
 */

export type ZipPart = {
  name: string
  /** The packed (deflated) bytes as stored. */
  packed: Buffer
  /** What the central directory and local header declare. */
  declaredSize: number
  crc?: number
}

/** A part deflated normally, sizes honest. */
export function deflatedPart(name: string, text: string | Buffer): ZipPart {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  return { name, packed: deflateRawSync(raw), declaredSize: raw.length, crc: crc32(raw) }
}

/**
 * `prefix`, then `repeat` copies of `block` (at most a few MB each), then `suffix`, as one raw
 * deflate stream built from flushed blocks: a block of one repeated byte packs about 1000 to 1,
 * so the stream holds prefix + repeat × block.length + suffix bytes in a small fraction of that.
 */
export function bombStream(prefix: string, block: Buffer, repeat: number, suffix: string): { packed: Buffer; size: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH }
  const head = deflateRawSync(Buffer.from(prefix), flush)
  const middle = deflateRawSync(block, flush)
  const tail = deflateRawSync(Buffer.from(suffix))
  const packed = Buffer.concat([head, ...Array.from({ length: repeat }, () => middle), tail])
  return { packed, size: Buffer.byteLength(prefix) + block.length * repeat + Buffer.byteLength(suffix) }
}

export function zipArchive(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(p.crc ?? 0, 14)
    local.writeUInt32LE(p.packed.length, 18)
    local.writeUInt32LE(p.declaredSize, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(p.crc ?? 0, 16)
    central.writeUInt32LE(p.packed.length, 20)
    central.writeUInt32LE(p.declaredSize, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, p.packed)
    centrals.push(central, name)
    offset += 30 + name.length + p.packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** The parts of a workbook around one sheet (the sheet's part given by the caller). */
export function workbookParts(sheet: ZipPart): ZipPart[] {
  return [
    deflatedPart(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    deflatedPart(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    deflatedPart(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Liste" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    deflatedPart(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
    sheet
  ]
}

export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
export const SHEET_TAIL = '</sheetData></worksheet>'
