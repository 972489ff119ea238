// Reads a produced PDF the way a person would: its text, via poppler's pdftotext.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'attune-pdf-'))
  try {
    const file = join(dir, 'doc.pdf')
    writeFileSync(file, bytes)
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function pdfPageCount(bytes: Uint8Array): number {
  return (pdfText(bytes).match(/\f/g) ?? []).length
}

/** Every word poppler finds, with its page's width and its right edge, in points. */
export function pdfWords(bytes: Uint8Array): { page: number; pageWidth: number; xMax: number; text: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'attune-pdf-'))
  try {
    const file = join(dir, 'doc.pdf')
    writeFileSync(file, bytes)
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' })
    const words: { page: number; pageWidth: number; xMax: number; text: string }[] = []
    let page = 0
    let pageWidth = 0
    for (const match of html.matchAll(/<page width="([\d.]+)"|<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
      if (match[1]) {
        page += 1
        pageWidth = Number(match[1])
      } else words.push({ page, pageWidth, xMax: Number(match[2]), text: match[3] })
    }
    return words
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
