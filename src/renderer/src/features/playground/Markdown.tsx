import { memo } from 'react'
import ReactMarkdown, { defaultUrlTransform, type Components } from 'react-markdown'
import rehypeHighlight from 'rehype-highlight'
import remarkGfm from 'remark-gfm'
import './markdown.css'

const REMARK = [remarkGfm]
const REHYPE = [rehypeHighlight]

// Library files (the code interpreter's downloads) are linked through the app's own media protocol.
const keepMedia = (url: string): string =>
  url.startsWith('framewise-media://') ? url : defaultUrlTransform(url)

const COMPONENTS: Components = {
  // Web links open outside the app; links to library files download them.
  a: ({ node: _node, href, ...props }) =>
    /^https?:/.test(href ?? '') ? (
      <a {...props} href={href} target="_blank" rel="noreferrer" />
    ) : (
      <a {...props} href={href} download />
    )
}

/** A model's answer as Markdown (GFM tables, lists, code highlighted). */
export const Markdown = memo(function Markdown({ text, testId }: { text: string; testId?: string }) {
  return (
    <div className="fw-md" data-testid={testId}>
      <ReactMarkdown
        remarkPlugins={REMARK}
        rehypePlugins={REHYPE}
        components={COMPONENTS}
        urlTransform={keepMedia}
      >
        {text}
      </ReactMarkdown>
    </div>
  )
})
