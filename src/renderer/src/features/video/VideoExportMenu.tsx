import { EXPORT_FORMATS } from '@shared/domain/video'
import { call } from '../../api/client'
import { ExportMenu } from '../player/ExportMenu'

/** The summary's exports; the transcript formats only when there is a transcript. */
export function VideoExportMenu({ assetId, hasTranscript }: { assetId: string; hasTranscript: boolean }) {
  return (
    <ExportMenu
      formats={EXPORT_FORMATS}
      exporter={(format) => call('video.export', { assetId, format })}
      disabled={(format) => !hasTranscript && ['srt', 'vtt', 'txt'].includes(format)}
    />
  )
}
