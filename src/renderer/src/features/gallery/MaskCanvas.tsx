import { Box, Button, Group, SegmentedControl, Slider, Text } from '@mantine/core'
import { IconBrush, IconEraser } from '@tabler/icons-react'
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type PointerEvent
} from 'react'
import { useTranslation } from 'react-i18next'

export interface MaskCanvasHandle {
  /** The mask as the edits API wants it: a PNG of the image's size, transparent where painted. */
  exportMask(): string | null
}

interface Props {
  src: string
  width: number
  height: number
}

/**
 * Paint where the image may change. The canvas has the image's own pixel size (the CSS scales it),
 * so the exported mask needs no resampling; painted pixels are opaque in the canvas and become
 * transparent in the export.
 */
export const MaskCanvas = forwardRef<MaskCanvasHandle, Props>(function MaskCanvas(
  { src, width, height },
  ref
) {
  const { t } = useTranslation()
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const last = useRef<{ x: number; y: number } | null>(null)
  const [tool, setTool] = useState<'paint' | 'erase'>('paint')
  // Brush diameter as a share of the image's longer side, so it feels the same at any size.
  const [brush, setBrush] = useState(6)
  const [painted, setPainted] = useState(0)

  const measure = useCallback(() => {
    const canvas = canvasRef.current
    const ctx = canvas?.getContext('2d', { willReadFrequently: true })
    if (!canvas || !ctx) return
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
    let count = 0
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) count += 1
    setPainted(count / (canvas.width * canvas.height))
  }, [])

  useImperativeHandle(ref, () => ({
    exportMask() {
      const canvas = canvasRef.current
      if (!canvas || painted === 0) return null
      const out = document.createElement('canvas')
      out.width = canvas.width
      out.height = canvas.height
      const ctx = out.getContext('2d')
      if (!ctx) return null
      ctx.fillStyle = '#000'
      ctx.fillRect(0, 0, out.width, out.height)
      ctx.globalCompositeOperation = 'destination-out'
      ctx.drawImage(canvas, 0, 0)
      return out.toDataURL('image/png').replace(/^data:image\/png;base64,/, '')
    }
  }))

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d')
    ctx?.clearRect(0, 0, width, height)
    setPainted(0)
  }, [src, width, height])

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect()
    return {
      x: ((e.clientX - rect.left) / rect.width) * width,
      y: ((e.clientY - rect.top) / rect.height) * height
    }
  }
  const stroke = (to: { x: number; y: number }) => {
    const ctx = canvasRef.current?.getContext('2d')
    if (!ctx) return
    const from = last.current ?? to
    ctx.globalCompositeOperation = tool === 'erase' ? 'destination-out' : 'source-over'
    ctx.strokeStyle = '#ff2d55'
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.lineWidth = (brush / 100) * Math.max(width, height)
    ctx.beginPath()
    ctx.moveTo(from.x, from.y)
    ctx.lineTo(to.x + 0.01, to.y)
    ctx.stroke()
    last.current = to
  }
  const invert = () => {
    const canvas = canvasRef.current
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) return
    const copy = document.createElement('canvas')
    copy.width = width
    copy.height = height
    copy.getContext('2d')?.drawImage(canvas, 0, 0)
    ctx.globalCompositeOperation = 'source-over'
    ctx.clearRect(0, 0, width, height)
    ctx.fillStyle = '#ff2d55'
    ctx.fillRect(0, 0, width, height)
    ctx.globalCompositeOperation = 'destination-out'
    ctx.drawImage(copy, 0, 0)
    measure()
  }
  const clear = () => {
    canvasRef.current?.getContext('2d')?.clearRect(0, 0, width, height)
    setPainted(0)
  }

  return (
    // Never taller than about half the window, so the tools and Send stay in view.
    <Box data-testid="mask-editor" mx="auto" maw={`min(100%, calc(58vh * ${width / height}))`}>
      <Box
        pos="relative"
        className="fw-thumb-checker"
        style={{ lineHeight: 0, borderRadius: 4, overflow: 'hidden' }}
      >
        <img src={src} alt="" style={{ width: '100%', height: 'auto', display: 'block' }} draggable={false} />
        <canvas
          ref={canvasRef}
          width={width}
          height={height}
          style={{
            position: 'absolute',
            inset: 0,
            width: '100%',
            height: '100%',
            opacity: 0.5,
            cursor: 'crosshair',
            touchAction: 'none'
          }}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId)
            last.current = null
            stroke(point(e))
          }}
          onPointerMove={(e) => {
            if (e.buttons === 1) stroke(point(e))
          }}
          onPointerUp={() => {
            last.current = null
            measure()
          }}
          data-testid="mask-canvas"
        />
      </Box>
      <Group gap="xs" mt="xs" wrap="wrap">
        <SegmentedControl
          size="xs"
          value={tool}
          onChange={(value) => setTool(value as 'paint' | 'erase')}
          data={[
            {
              value: 'paint',
              label: (
                <Group gap={4} wrap="nowrap">
                  <IconBrush size={14} />
                  {t('gallery.editor.paint')}
                </Group>
              )
            },
            {
              value: 'erase',
              label: (
                <Group gap={4} wrap="nowrap">
                  <IconEraser size={14} />
                  {t('gallery.editor.erase')}
                </Group>
              )
            }
          ]}
          data-testid="mask-tool"
        />
        <Group gap={6} wrap="nowrap" style={{ flex: 1, minWidth: 140 }}>
          <Text size="xs">{t('gallery.editor.brush')}</Text>
          <Slider
            value={brush}
            onChange={setBrush}
            min={1}
            max={25}
            style={{ flex: 1 }}
            label={null}
            aria-label={t('gallery.editor.brush')}
          />
        </Group>
        <Button size="compact-xs" variant="default" onClick={invert} data-testid="mask-invert">
          {t('gallery.editor.invert')}
        </Button>
        <Button size="compact-xs" variant="default" onClick={clear} data-testid="mask-clear">
          {t('gallery.editor.clear')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4} data-testid="mask-coverage">
        {painted > 0
          ? t('gallery.editor.masked', { percent: Math.max(1, Math.round(painted * 100)) })
          : t('gallery.editor.unmasked')}
      </Text>
    </Box>
  )
})
