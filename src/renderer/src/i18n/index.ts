import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '@shared/domain/settings'
import { en } from './en'
import { zhCN } from './zh-CN'

export const LANGUAGES: { value: Language; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'zh-CN', label: '简体中文' }
]

export function initI18n(language: Language = 'en'): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      returnObjects: true
    })
  }
  return i18next
}

export function setLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language)
  document.documentElement.lang = language
}
