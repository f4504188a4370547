import { call } from './core'
import type { NewsDetail, NewsInput, NewsQuery, NewsSummary, Page, PageRequest, PublicNews } from './types'

// ---- 工作室动态 (news) ----

/** The staff's list: drafts and published, newest first; `q` searches title, author and body. */
export const newsList = (query: NewsQuery) => call<Page<NewsSummary>>('news_list', { query })

/** Published posts only, rendered: what the kiosk and the online studio show. */
export const newsPublished = (page: PageRequest) => call<Page<PublicNews>>('news_published', { page })

export const newsGet = (id: string) => call<NewsDetail>('news_get', { id })

/** Refused with field messages (`title`, `date`, `author`, `body`). */
export const newsCreate = (input: NewsInput) => call<NewsDetail>('news_create', { input })

export const newsUpdate = (id: string, version: number, input: NewsInput) =>
  call<NewsDetail>('news_update', { id, version, input })

export const newsDelete = (id: string, version: number) => call<void>('news_delete', { id, version })

/** Markdown → the backend's safe HTML (raw HTML escaped): the forms' preview. */
export const markdownPreview = (markdown: string) => call<string>('markdown_preview', { markdown })

/** A picture (JPG/PNG/WebP, base64 without the `data:` prefix): resized and stored by the backend. */
export const newsAddImage = (id: string, version: number, dataBase64: string) =>
  call<NewsDetail>('news_add_image', { id, version, dataBase64 })

export const newsRemoveImage = (id: string, version: number, name: string) =>
  call<NewsDetail>('news_remove_image', { id, version, name })

/** A post's image as a `data:` URL (`null` when missing). */
export const newsImage = (id: string, name: string, thumbnail: boolean) =>
  call<string | null>('news_image', { id, name, thumbnail })
