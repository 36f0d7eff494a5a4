import { mediaUrl } from '../../api/media-url'

/** An image waiting in the composer: one from the library, or one pasted or dropped. */
export type Attachment =
  | { kind: 'asset'; assetId: string; preview: string }
  | { kind: 'pasted'; dataUrl: string; name: string; preview: string }

export const fromAsset = (asset: {
  id: string
  path: string
  thumb: { path: string | null }
}): Attachment => ({
  kind: 'asset',
  assetId: asset.id,
  preview: mediaUrl(asset.thumb.path ?? asset.path) ?? ''
})

/** Image files (pasted or dropped) as data URLs; anything else is ignored. */
export async function fromFiles(files: Iterable<File>): Promise<Attachment[]> {
  const images = [...files].filter((f) => f.type.startsWith('image/'))
  return Promise.all(
    images.map(
      (file) =>
        new Promise<Attachment>((resolve, reject) => {
          const reader = new FileReader()
          reader.onload = () => {
            const dataUrl = String(reader.result)
            resolve({ kind: 'pasted', dataUrl, name: file.name || 'pasted.png', preview: dataUrl })
          }
          reader.onerror = () => reject(reader.error ?? new Error('unreadable image'))
          reader.readAsDataURL(file)
        })
    )
  )
}

/** What the core takes for each attachment. */
export function toImageInput(a: Attachment): { assetId: string } | { dataUrl: string; name: string } {
  return a.kind === 'asset' ? { assetId: a.assetId } : { dataUrl: a.dataUrl, name: a.name }
}
