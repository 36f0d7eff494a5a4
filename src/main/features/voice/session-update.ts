import type { VoiceSettings } from '@shared/domain/voice'
import { SAMPLE_RATE } from './pcm'
import { VOICE_TOOLS } from './voice-tools'

const PCM = { type: 'audio/pcm', rate: SAMPLE_RATE }

/** The GA `session.update` for the user's settings (nested `audio.input` / `audio.output`). */
export function sessionUpdate(settings: VoiceSettings): {
  type: 'session.update'
  session: Record<string, unknown>
} {
  return {
    type: 'session.update',
    session: {
      type: 'realtime',
      // Empty instructions would replace the model's own default prompt with nothing.
      ...(settings.instructions.trim() ? { instructions: settings.instructions } : {}),
      output_modalities: [settings.modality],
      max_output_tokens: settings.maxOutputTokens > 0 ? settings.maxOutputTokens : 'inf',
      audio: {
        input: {
          format: PCM,
          turn_detection: turnDetection(settings),
          transcription: settings.transcriptionModel ? { model: settings.transcriptionModel } : null,
          noise_reduction: settings.noiseReduction === 'off' ? null : { type: settings.noiseReduction }
        },
        output: { format: PCM, voice: settings.voice }
      },
      tools: settings.localTools ? VOICE_TOOLS : [],
      tool_choice: 'auto'
    }
  }
}

function turnDetection(settings: VoiceSettings): Record<string, unknown> | null {
  if (settings.turnDetection === 'push_to_talk') return null
  if (settings.turnDetection === 'semantic_vad')
    return {
      type: 'semantic_vad',
      eagerness: settings.eagerness,
      create_response: true,
      interrupt_response: true
    }
  return {
    type: 'server_vad',
    threshold: settings.vadThreshold,
    prefix_padding_ms: settings.prefixPaddingMs,
    silence_duration_ms: settings.silenceDurationMs,
    create_response: true,
    interrupt_response: true
  }
}
