// Strings of the Video page (kept apart so each language file stays readable).
export const enVideo = {
  title: 'Video',
  subtitle:
    'Summaries with chapters, transcripts that follow playback, and questions answered with timestamps.',
  noVideos: 'No videos or audio files yet.',
  noVideosHint: 'Import some in the',
  notVideo: 'This is an image. Open a video or audio file to summarise it.',
  cannotPlay:
    'This window cannot play this file ({{codec}}). Frames, chapters, transcript and questions still work; open the file in another player to watch it.',
  makePlayable: 'Make a playable copy',
  makePlayableHint:
    'This window cannot play {{codec}} video. A copy in H.264 (up to 1280 px, same timeline) lets chapters and the transcript seek it; the original stays as it is.',
  makingPlayable: 'Making a playable copy… {{percent}} %',
  playingCopy: 'Playing a copy made for this window; the original file is unchanged.',
  allVideos: 'All videos',
  startTitle: 'Summarise this video',
  summarize: 'Summarise',
  runAgain: 'Run again',
  runAgainTitle: 'Run the summary again',
  fromLibrary: 'Already summarised with these options: shown from the library, nothing was paid.',
  cancelled: 'The summary was cancelled.',
  showRaw: 'Show what the model sent',
  hideRaw: 'Hide what the model sent',
  chapters: 'Chapters',
  keyMoments: 'Key moments',
  topics: 'Topics',
  people: 'People',
  actionItems: 'Action items',
  transcript: 'Transcript',
  questions: 'Questions',
  transcriptPending: 'The transcript appears here once the video is summarised.',
  noAudio: 'This video has no audio track, so it was summarised from its frames.',
  noSpeech: 'No speech was found.',
  searchTranscript: 'Search the transcript',
  follow: 'Follow playback',
  matches: '{{count}} matching lines',
  transcriptInfo: '{{count}} lines · {{model}} · language {{language}}',
  seekTo: 'Go to {{time}}',
  frameReason: {
    keyframe: 'Keyframe at {{time}}',
    scene: 'Scene change at {{time}}',
    sample: 'Frame at {{time}}',
    fill: 'Frame at {{time}} (fills a gap)'
  },
  askAfterSummary:
    'Questions are answered from the summary, transcript and frames, so summarise the video first.',
  askHint:
    'Ask anything about this video. Answers cite the moments they rely on; click a time to jump there.',
  askPlaceholder: 'What happens after the robot appears?',
  ask: 'Ask',
  thinking: 'Thinking…',
  clearConversation: 'Clear the conversation',
  export: 'Export',
  formats: {
    md: 'Markdown (summary, chapters, transcript)',
    json: 'JSON (everything)',
    srt: 'SRT subtitles',
    vtt: 'WebVTT subtitles',
    txt: 'Text with timestamps'
  },
  estimate: 'Estimated {{cost}}',
  estimateDetail:
    '{{frames}} frames at {{detail}} detail ({{imageTokens}} image tokens) · {{promptTokens}} in / {{outputTokens}} out tokens · {{minutes}} audio min · {{windows}} part(s)',
  actualCost: 'Cost {{cost}}',
  costTooltip: 'From the usage ledger: every request this run made, transcription included.',
  tokens: '{{input}} in ({{cached}} cached) / {{output}} out tokens',
  estimatedWas: 'estimated {{cost}} for {{tokens}} input tokens',
  progress: {
    queued: 'Waiting for other work to finish…',
    offline: 'The provider cannot be reached. Finished stages are kept; the job resumes when it is back.',
    rateLimit: 'Waiting for rate limit…',
    percent: '{{percent}}% done'
  },
  options: {
    model: 'Model',
    modelDefault: 'Provider default',
    language: 'Summary language',
    languageAuto: 'Spoken language',
    maxFrames: 'Frame budget',
    maxFramesHint: 'Most keyframes to send; scene changes come first.',
    transcribeModel: 'Transcription model',
    transcribeHint: 'whisper-1 gives timed lines; gpt-4o models time them by piece.',
    detail: 'Image detail',
    details: { low: 'Low', auto: 'Auto', high: 'High', mixed: 'mixed' },
    detailHint: {
      low: 'Cheapest: every frame at 512 px.',
      auto: 'Low for all, high for scene changes and then others while a token budget allows.',
      high: 'Every frame at high detail: best for text on screen, costs the most.'
    }
  },
  languages: {
    en: 'English',
    zh: 'Chinese',
    es: 'Spanish',
    fr: 'French',
    de: 'German',
    ja: 'Japanese',
    ko: 'Korean',
    pt: 'Portuguese',
    it: 'Italian',
    ru: 'Russian',
    ar: 'Arabic',
    hi: 'Hindi'
  }
}
