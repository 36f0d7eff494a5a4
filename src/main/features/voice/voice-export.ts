import type { VoiceSessionView, VoiceTurn } from '@shared/domain/voice'

/** A session as Markdown: settings, then each turn with its tool calls and latency. */
export function sessionMarkdown(session: VoiceSessionView): string {
  const lines = [
    `# ${session.title || 'Voice session'}`,
    '',
    `- Started: ${session.startedAt}${session.endedAt ? ` · ended ${session.endedAt}` : ''}`,
    `- Model: ${session.model} · voice ${session.voice}`,
    `- Tokens: ${session.usage.inputTokens} in (${session.usage.audioInputTokens} audio, ${session.usage.cachedTokens} cached), ${session.usage.outputTokens} out (${session.usage.audioOutputTokens} audio)`,
    `- Cost: $${session.costUsd.toFixed(4)}`,
    ''
  ]
  for (const turn of session.turnList) lines.push(...turnLines(turn), '')
  return `${lines.join('\n').trimEnd()}\n`
}

function turnLines(turn: VoiceTurn): string[] {
  if (turn.role === 'tool' && turn.tool) {
    return [
      `> **Tool** \`${turn.tool.name}(${turn.tool.arguments})\`${turn.tool.failed ? ' — failed' : ''}`,
      '>',
      `> ${turn.tool.output.replace(/\n/g, '\n> ')}`
    ]
  }
  const who = turn.role === 'user' ? '**You**' : '**Assistant**'
  const notes = [
    turn.latencyMs !== null ? `${Math.round(turn.latencyMs)} ms` : null,
    turn.interrupted ? 'interrupted' : null
  ].filter(Boolean)
  return [`${who}${notes.length ? ` _(${notes.join(', ')})_` : ''}: ${turn.text || '…'}`]
}
