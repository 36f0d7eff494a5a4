// English is the reference: every other language must provide exactly these keys (checked by tsc).
export const en = {
  app: { name: 'Framewise', tagline: 'Look closely at video, images and sound' },
  nav: {
    library: 'Library',
    video: 'Video',
    images: 'Images',
    audio: 'Audio',
    gallery: 'Gallery',
    playground: 'Playground',
    batch: 'Batch',
    usage: 'Usage',
    settings: 'Settings',
    sectionMedia: 'Media',
    sectionModels: 'Models'
  },
  common: {
    cancel: 'Cancel',
    delete: 'Delete',
    retry: 'Retry',
    close: 'Close',
    copy: 'Copy',
    copied: 'Copied',
    loading: 'Loading…',
    unknown: 'Unknown',
    yes: 'Yes',
    no: 'No',
    toggleTheme: 'Toggle light/dark theme'
  },
  library: {
    title: 'Library',
    subtitle: 'Everything you import is copied here, searchable and available offline.',
    searchPlaceholder: 'Search names and metadata',
    kinds: { all: 'All', video: 'Video', image: 'Images', audio: 'Audio' },
    kind: { video: 'Video', image: 'Image', audio: 'Audio' },
    importFiles: 'Import files',
    importFolder: 'Import folder',
    dropTitle: 'Drop videos, images or audio to import',
    dropHint: 'Files are copied into the library; folders are searched for media.',
    emptyTitle: 'Your library is empty',
    emptyHint: 'Drag files or a folder here, or use Import. Nothing leaves this computer.',
    noResults: 'Nothing matches “{{query}}”.',
    count_one: '{{count}} item',
    count_other: '{{count}} items',
    importStarted: 'Importing {{count}} file(s)…',
    importFinished: 'Import finished',
    importSummary: '{{imported}} imported, {{duplicates}} already in the library, {{failed}} failed',
    importProblems: 'Some files could not be imported',
    uploadFailed: '{{name}} could not be uploaded: {{message}}',
    thumbPending: 'Preparing preview…',
    thumbFailed: 'No preview',
    deleted_one: '{{count}} item deleted',
    deleted_other: '{{count}} items deleted'
  },
  asset: {
    details: 'Details',
    kind: 'Type',
    size: 'File size',
    dimensions: 'Dimensions',
    duration: 'Duration',
    imported: 'Imported',
    source: 'Imported from',
    hash: 'SHA-256',
    format: 'Format',
    container: 'Container',
    videoCodec: 'Video codec',
    audioCodec: 'Audio codec',
    fps: 'Frame rate',
    variableFrameRate: 'Variable frame rate',
    rotation: 'Rotation',
    hasAudio: 'Has audio',
    sampleRate: 'Sample rate',
    channels: 'Channels',
    bitrate: 'Bit rate',
    colorSpace: 'Colour space',
    bitDepth: 'Bit depth',
    hasAlpha: 'Transparency',
    orientation: 'EXIF orientation',
    pages: 'Frames',
    hasProfile: 'Colour profile',
    title: 'Title',
    deleteTitle: 'Delete “{{name}}”?',
    deleteBody:
      'The file, its preview and everything derived from it are removed from the library. The original file on disk is not touched.',
    rename: 'Rename',
    openVideo: 'Open in Video'
  },
  jobs: {
    title: 'Jobs',
    empty: 'No jobs yet. Imports and analyses show their progress here.',
    activeCount: '{{count}} running',
    clearFinished: 'Clear finished',
    cancel: 'Cancel job',
    retry: 'Retry job',
    states: {
      queued: 'Queued',
      running: 'Running',
      waiting: 'Waiting',
      succeeded: 'Done',
      failed: 'Failed',
      cancelled: 'Cancelled'
    },
    kinds: { 'library.import': 'Import', 'asset.thumbnail': 'Preview', other: 'Job' },
    stages: { scanning: 'Scanning', importing: 'Importing', 'rendering preview': 'Rendering preview' }
  },
  settings: {
    title: 'Settings',
    appearance: 'Appearance',
    theme: 'Theme',
    themes: { light: 'Light', dark: 'Dark', auto: 'Match system' },
    language: 'Language',
    languageHint: 'Changes take effect immediately.',
    media: 'Media tools',
    mediaHint: 'Framewise uses ffmpeg for video and audio, and sharp (libvips) for images.',
    ffmpegPath: 'ffmpeg path',
    ffprobePath: 'ffprobe path',
    pathPlaceholder: 'Automatic (bundled or on PATH)',
    apply: 'Apply',
    checks: 'System check',
    recheck: 'Check again',
    found: 'found',
    missing: 'missing',
    sources: {
      setting: 'your setting',
      env: 'environment',
      bundled: 'bundled',
      path: 'system PATH',
      none: 'not found'
    },
    sqlite: 'SQLite',
    fts: 'Full-text search (trigram)',
    sharp: 'Images (sharp / libvips)',
    data: 'Library folder',
    dataHint: 'The database and every imported file live here.',
    free: '{{size}} free',
    about: 'About',
    version: 'Version {{version}}',
    saved: 'Settings saved'
  },
  upcoming: {
    does: 'What this page will do',
    needs: 'What it needs',
    video: {
      title: 'Video',
      does: 'Turn a video into keyframes in seconds, a timestamped transcript and a chaptered summary whose chapters, key moments and transcript lines seek the player. Ask questions about it and export Markdown, JSON, SRT, VTT or TXT.',
      needs: [
        'The media engine for keyframes and audio preparation',
        'An AI provider (Settings → Providers)',
        'A video in the Library'
      ]
    },
    images: {
      title: 'Images',
      does: 'Caption, tag and read text from a folder of photos, or fill your own JSON schema for each one; results become searchable rows you can export as CSV or JSON.',
      needs: [
        'Image preparation (orientation, size, colour)',
        'A vision-capable model from an AI provider',
        'Images in the Library'
      ]
    },
    audio: {
      title: 'Audio',
      does: 'Transcribe recordings of any length with timestamps and SRT/VTT export, turn text into speech with a choice of voices, and hold a realtime voice conversation.',
      needs: [
        'Audio preparation (16 kHz mono, split at silences)',
        'A provider with transcription, speech or realtime models'
      ]
    },
    gallery: {
      title: 'Gallery',
      does: 'Generate images from prompts into a searchable gallery that keeps every prompt and parameter, with a viewer and batch export.',
      needs: ['A provider with an image model (gpt-image-1 or DALL·E 3)']
    },
    playground: {
      title: 'Playground',
      does: 'Try both OpenAI APIs (chat completions and responses) with built-in tools, structured outputs, function calling and reasoning effort, with cost and cached tokens for every call.',
      needs: ['An AI provider (Settings → Providers)']
    },
    batch: {
      title: 'Batch',
      does: 'Send large jobs through the Batch API at half price, follow them for up to 24 hours and bring the results back into the library.',
      needs: ['A provider that supports the Batch API']
    },
    usage: {
      title: 'Usage',
      does: 'See what every call cost: per day, per model and per job, including cached tokens and the Batch discount.',
      needs: ['Calls made through an AI provider']
    }
  },
  shortcuts: { search: 'Search the library', import: 'Import files' },
  errors: {
    VALIDATION_FAILED: 'Some input was not valid.',
    NOT_FOUND: 'It no longer exists.',
    UNAUTHORIZED: 'Not authorised. Open the address that `framewise serve` printed.',
    INTERNAL: 'Something went wrong inside Framewise.',
    CANCELLED: 'Cancelled.',
    CONFLICT: 'That is not possible in the current state.',
    FILE_NOT_FOUND: 'The file was not found.',
    FILE_UNREADABLE: 'The file could not be read.',
    FILE_TOO_LARGE: 'The file is too large or the disk is full.',
    PATH_NOT_ALLOWED: 'That location is not allowed.',
    MEDIA_UNSUPPORTED: 'This kind of file is not supported.',
    MEDIA_CORRUPT: 'The file is damaged or is not a media file.',
    MEDIA_TOO_LARGE: 'The image is too large to decode safely.',
    MEDIA_DECODE_FAILED: 'The media could not be decoded.',
    MEDIA_NO_VIDEO: 'The file has no video.',
    MEDIA_NO_AUDIO: 'The file has no audio.',
    FFMPEG_MISSING: 'ffmpeg was not found. Install it or set its path in Settings.',
    FFMPEG_TIMEOUT: 'ffmpeg took too long and was stopped.',
    STORE_FAILED: 'The library database could not be used.',
    SECRET_STORE_UNAVAILABLE: 'Keys cannot be stored safely on this system.',
    PROVIDER_NOT_CONFIGURED: 'No AI provider is set up yet.',
    PROVIDER_UNSUPPORTED: 'This provider cannot do that.',
    AI_AUTH_FAILED: 'The API key was rejected.',
    AI_RATE_LIMITED: 'Rate limit reached; waiting before retrying.',
    AI_QUOTA_EXCEEDED: 'The account has no quota left.',
    AI_CONTEXT_TOO_LONG: 'The request is longer than the model accepts.',
    AI_INVALID_REQUEST: 'The provider rejected the request.',
    AI_MODEL_NOT_FOUND: 'The model is not available from this provider.',
    AI_STREAM_INTERRUPTED: 'The response stream was cut off.',
    AI_TIMEOUT: 'The provider stopped responding.',
    AI_UNAVAILABLE: 'The provider is having problems.',
    AI_OFFLINE: 'Offline: the provider cannot be reached.',
    AI_REFUSED: 'The model refused the request.',
    AI_BAD_RESPONSE: 'The provider sent a response that could not be read.',
    AI_SCHEMA_INVALID: 'The JSON schema does not meet strict-mode rules.',
    AI_TOOL_NOT_CALLED: 'The model did not call the function.',
    BUDGET_EXCEEDED: 'This would exceed the budget.'
  }
}

type Widen<T> = T extends string
  ? string
  : T extends readonly string[]
    ? readonly string[]
    : { [K in keyof T]: Widen<T[K]> }
export type Messages = Widen<typeof en>
