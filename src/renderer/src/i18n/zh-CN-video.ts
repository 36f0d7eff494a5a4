import type { Messages } from './en'

export const zhCNVideo: Messages['video'] = {
  title: '视频',
  subtitle: '带章节的摘要、随播放滚动的转写，以及附带时间点的问答。',
  noVideos: '还没有视频或音频文件。',
  noVideosHint: '请先导入到',
  notVideo: '这是一张图片。请打开视频或音频文件来生成摘要。',
  cannotPlay:
    '此窗口无法播放该文件（{{codec}}）。关键帧、章节、转写和问答仍可使用；如需观看，请用其他播放器打开。',
  makePlayable: '生成可播放副本',
  makePlayableHint:
    '此窗口无法播放 {{codec}} 视频。生成一个 H.264 副本（最长边 1280 像素，时间轴相同）后，章节和字幕即可跳转播放；原文件保持不变。',
  makingPlayable: '正在生成可播放副本… {{percent}} %',
  playingCopy: '正在播放为此窗口生成的副本；原文件未改动。',
  allVideos: '全部视频',
  startTitle: '为此视频生成摘要',
  summarize: '生成摘要',
  runAgain: '重新运行',
  runAgainTitle: '重新生成摘要',
  fromLibrary: '已用相同选项生成过摘要：直接从资料库显示，未产生费用。',
  cancelled: '摘要已取消。',
  showRaw: '显示模型返回的原文',
  hideRaw: '隐藏模型返回的原文',
  chapters: '章节',
  keyMoments: '关键时刻',
  topics: '主题',
  people: '人物',
  actionItems: '待办事项',
  transcript: '转写',
  questions: '问答',
  transcriptPending: '生成摘要后，转写会显示在这里。',
  noAudio: '此视频没有音轨，摘要仅根据画面生成。',
  noSpeech: '未检测到语音。',
  searchTranscript: '搜索转写',
  follow: '跟随播放',
  matches: '{{count}} 行匹配',
  transcriptInfo: '{{count}} 行 · {{model}} · 语言 {{language}}',
  seekTo: '跳转到 {{time}}',
  frameReason: {
    keyframe: '{{time}} 的关键帧',
    scene: '{{time}} 的场景切换',
    sample: '{{time}} 的画面',
    fill: '{{time}} 的画面（补足空档）'
  },
  askAfterSummary: '问答基于摘要、转写和画面，请先生成摘要。',
  askHint: '可以就此视频提任何问题。回答会标注所依据的时间点，点击即可跳转。',
  askPlaceholder: '机器人出现之后发生了什么？',
  ask: '提问',
  thinking: '思考中…',
  clearConversation: '清空对话',
  export: '导出',
  formats: {
    md: 'Markdown（摘要、章节、转写）',
    json: 'JSON（全部内容）',
    srt: 'SRT 字幕',
    vtt: 'WebVTT 字幕',
    txt: '带时间戳的文本'
  },
  estimate: '预计 {{cost}}',
  estimateDetail:
    '{{frames}} 帧，{{detail}} 细节（{{imageTokens}} 图像 token）· 输入 {{promptTokens}} / 输出 {{outputTokens}} token · 音频 {{minutes}} 分钟 · {{windows}} 段',
  actualCost: '花费 {{cost}}',
  costTooltip: '来自用量记录：本次运行的所有请求，包括转写。',
  tokens: '输入 {{input}}（缓存 {{cached}}）/ 输出 {{output}} token',
  estimatedWas: '预计 {{cost}}，输入 {{tokens}} token',
  progress: {
    queued: '等待其他任务完成…',
    offline: '无法连接服务商。已完成的阶段会保留，恢复连接后任务自动继续。',
    rateLimit: '等待速率限制…',
    percent: '已完成 {{percent}}%'
  },
  options: {
    model: '模型',
    modelDefault: '服务商默认',
    language: '摘要语言',
    languageAuto: '与语音相同',
    maxFrames: '帧数上限',
    maxFramesHint: '最多发送的关键帧数，优先场景切换。',
    transcribeModel: '转写模型',
    transcribeHint: 'whisper-1 提供逐句时间；gpt-4o 模型按分段计时。',
    detail: '图像细节',
    details: { low: '低', auto: '自动', high: '高', mixed: '混合' },
    detailHint: {
      low: '最便宜：每帧 512 像素。',
      auto: '全部低细节，在 token 预算内优先把场景切换、再把其他帧升为高细节。',
      high: '每帧都用高细节：最适合屏幕文字，费用最高。'
    }
  },
  languages: {
    en: '英语',
    zh: '中文',
    es: '西班牙语',
    fr: '法语',
    de: '德语',
    ja: '日语',
    ko: '韩语',
    pt: '葡萄牙语',
    it: '意大利语',
    ru: '俄语',
    ar: '阿拉伯语',
    hi: '印地语'
  }
}
