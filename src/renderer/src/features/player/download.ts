/**
 * Saves text as a file. In the browser this is a download; in Electron the same download asks
 * where to save it (Electron shows a save dialog for downloads without a will-download handler).
 */
export function downloadText(file: { filename: string; mime: string; content: string }): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.filename
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
