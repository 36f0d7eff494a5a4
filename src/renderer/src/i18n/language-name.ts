// Whisper reports a transcript's language as an English name ("english"), other models as a code
// ("en"). Both are shown in the reader's language through Intl.DisplayNames.
const WHISPER_CODES = (
  'en zh de es ru ko fr ja pt tr pl ca nl ar sv it id hi fi vi he uk el ms cs ro da hu ta no th ur hr bg lt la ' +
  'mi ml cy sk te fa lv bn sr az sl kn et mk br eu is hy ne mn bs kk sq sw gl mr pa si km sn yo so af oc ka be ' +
  'tg sd gu am yi lo uz fo ht ps tk nn mt sa lb my bo tl mg as tt haw ln ha ba jw su yue'
).split(' ')

let byEnglishName: Map<string, string> | null = null

function codeFor(raw: string): string | null {
  const value = raw.trim().toLowerCase()
  if (WHISPER_CODES.includes(value) || /^[a-z]{2,3}(-[a-z]{2,4})?$/i.test(value)) return value
  if (!byEnglishName) {
    const english = new Intl.DisplayNames(['en'], { type: 'language' })
    byEnglishName = new Map(WHISPER_CODES.map((code) => [english.of(code)?.toLowerCase() ?? code, code]))
  }
  return byEnglishName.get(value) ?? null
}

/** "english" or "en" → "English" / "英语"; an unknown value is shown as it came. */
export function languageName(raw: string | null | undefined, locale: string): string | null {
  if (!raw) return null
  const code = codeFor(raw)
  if (!code) return raw
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? raw
  } catch {
    return raw
  }
}
