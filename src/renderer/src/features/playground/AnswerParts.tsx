import { Alert, Anchor, Group, Image, Stack, Text } from '@mantine/core'
import { IconFile } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Citation, Message, MessagePart } from '@shared/domain/playground'
import { mediaUrl } from '../../api/media-url'
import { citedText, localFileLinks, mergeToolRuns, numberSources } from './answer-text'
import { Citations } from './Citations'
import { CodeRun } from './CodeRun'
import { Markdown } from './Markdown'
import { ParsedAnswer } from './ParsedTree'
import { Thinking } from './Thinking'
import { ToolCard } from './ToolCard'

type Part<T extends MessagePart['type']> = Extract<MessagePart, { type: T }>

/** An answer's parts in the order they happened; sources are listed once, at the end. */
export function AnswerParts({ message }: { message: Message }) {
  const parts = mergeToolRuns(message.parts)
  const parsed = parts.find((p): p is Part<'parsed'> => p.type === 'parsed')
  const results = new Map(
    parts.filter((p): p is Part<'tool_result'> => p.type === 'tool_result').map((r) => [r.callId, r])
  )
  const all: Citation[] = parts.flatMap((p) => (p.type === 'citation' ? [p.citation] : []))
  const { sources: citations, numbers } = numberSources(all)
  return (
    <Stack gap={8}>
      {parts.map((part, i) => {
        if (part.type === 'text' && parsed)
          return <ParsedAnswer key={i} value={parsed.value} raw={part.text} />
        if (part.type === 'text') {
          const text = localFileLinks(citedText(parts, i, numbers), parts)
          return text ? <Markdown key={i} text={text} testId="answer-text" /> : null
        }
        if (part.type === 'tool_call')
          return <ToolCard key={i} call={part} result={results.get(part.callId)} />
        return <OnePart key={i} part={part} />
      })}
      <Citations citations={citations} />
    </Stack>
  )
}

function OnePart({ part }: { part: MessagePart }) {
  const { t } = useTranslation()
  switch (part.type) {
    case 'reasoning':
      return <Thinking summary={part.summary} />
    case 'code':
      return <CodeRun code={part.code} logs={part.logs} />
    case 'refusal':
      return (
        <Alert color="orange" title={t('playground.message.refused')} data-testid="refusal">
          {part.text}
        </Alert>
      )
    case 'generated_image':
    case 'image':
      return part.assetId ? (
        <Image src={mediaUrl(part.path)} alt="" maw={360} radius="sm" data-testid={part.type} />
      ) : (
        <Text size="xs" c="dimmed">
          {part.path}
        </Text>
      )
    case 'file_output':
      return (
        <Group gap={6} data-testid="file-output">
          <IconFile size={16} />
          <Anchor href={mediaUrl(part.path)} download={part.filename} size="sm">
            {part.filename}
          </Anchor>
        </Group>
      )
    default:
      return null
  }
}
