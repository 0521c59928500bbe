import { useCallback, useRef, useState, type DragEvent, type RefObject } from 'react'

export type DropZoneProps = {
  onDragEnter: (e: DragEvent) => void
  onDragOver: (e: DragEvent) => void
  onDragLeave: (e: DragEvent) => void
  onDrop: (e: DragEvent) => void
}

/**
 * A file chosen with the picker or dropped anywhere on a screen. `check` returns a French reason
 * to refuse it (shown by the caller), or null; the accepted file is then handed to `onFile`.
 * Drag events bubble from every child: a depth counter keeps the overlay from flickering.
 */
export function useFileDrop(
  check: (file: File) => string | null,
  onFile: (file: File) => void,
  onRefused: (reason: string) => void
): { input: RefObject<HTMLInputElement | null>; choose: () => void; take: (file: File | undefined) => void; dragging: boolean; dropZone: DropZoneProps } {
  const input = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)
  const depth = useRef(0)

  const take = useCallback(
    (f: File | undefined) => {
      if (!f) return
      const problem = check(f)
      if (problem) onRefused(problem)
      else onFile(f)
    },
    [check, onFile, onRefused]
  )

  const choose = useCallback(() => {
    if (input.current) {
      input.current.value = ''
      input.current.click()
    }
  }, [])

  const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer.types).includes('Files')
  const dropZone: DropZoneProps = {
    onDragEnter: (e) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current++
      setDragging(true)
    },
    onDragOver: (e) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'copy'
    },
    onDragLeave: (e) => {
      if (!hasFiles(e)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setDragging(false)
    },
    onDrop: (e) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth.current = 0
      setDragging(false)
      take(e.dataTransfer.files[0])
    }
  }
  return { input, choose, take, dragging, dropZone }
}
