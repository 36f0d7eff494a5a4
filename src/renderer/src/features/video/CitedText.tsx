import { Anchor, Text } from '@mantine/core'
import { splitCitations } from '@shared/timecode'

/** An answer whose [mm:ss] citations are links that seek the player. */
export function CitedText({ text, onSeek }: { text: string; onSeek: (t: number) => void }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {splitCitations(text).map((piece, i) =>
        piece.t === undefined ? (
          <span key={i}>{piece.text}</span>
        ) : (
          <Anchor
            key={i}
            component="button"
            type="button"
            size="sm"
            ff="monospace"
            onClick={() => onSeek(piece.t as number)}
            data-testid="citation"
          >
            {piece.text}
          </Anchor>
        )
      )}
    </Text>
  )
}
