import { TRANSCRIPT_EXPORT_FORMATS, type TranscriptView } from '@shared/domain/audio'
import { call } from '../../api/client'
import { ExportMenu } from '../player/ExportMenu'

/** TXT, SRT, VTT, Markdown and JSON of the transcript as edited (speakers by their names). */
export function TranscriptExport({ transcript }: { transcript: TranscriptView }) {
  return (
    <ExportMenu
      formats={TRANSCRIPT_EXPORT_FORMATS}
      exporter={(format) => call('audio.transcript.export', { transcriptId: transcript.id, format })}
      label={(format) => `audio.formats.${format}`}
      testId="transcript-export"
    />
  )
}
