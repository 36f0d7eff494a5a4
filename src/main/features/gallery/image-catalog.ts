import {
  EditInput,
  GenerateInput,
  imageRules,
  type ImageEstimate,
  type ImageModelOption
} from '@shared/domain/gallery'
import { toErrorInfo } from '@shared/errors'
import type { AiService } from '../../ai/ai-service'
import { estimateImageCost } from '../../ai/image-prices'
import type { PriceService } from '../../ai/price-service'
import type { ProviderService } from '../../ai/provider-service'
import type { AssetsRepo } from '../../store/assets-repo'
import { checkParams, rulesFor } from './param-check'

const DEFAULT_MODEL = 'gpt-image-1'
const KNOWN_MODELS = ['gpt-image-1', 'dall-e-3', 'dall-e-2']

export interface ImageCatalogDeps {
  ai: AiService
  providers: ProviderService
  prices: PriceService
  assets: AssetsRepo
}

/** Which image models there are, what each accepts, and what a request would cost: nothing is sent. */
export class ImageCatalog {
  constructor(private readonly deps: ImageCatalogDeps) {}

  /** Image models the provider lists (or the known ones), each with what it accepts. */
  async models(providerId?: string): Promise<ImageModelOption[]> {
    let listed: string[] = []
    try {
      listed = (await this.deps.providers.resolve(providerId)).provider.models
    } catch (error) {
      if (toErrorInfo(error).code !== 'PROVIDER_NOT_CONFIGURED') throw error
    }
    const names = [...new Set([...KNOWN_MODELS, ...listed.filter((m) => imageRules(m))])]
    return names.map((model) => {
      const rules = rulesFor(model)
      return {
        model,
        family: rules.family,
        sizes: [...rules.sizes],
        qualities: [...rules.qualities],
        backgrounds: [...rules.backgrounds],
        formats: [...rules.formats],
        maxN: rules.maxN,
        maxEditImages: rules.maxEditImages,
        masks: rules.masks,
        variations: rules.variations,
        moderation: rules.moderation,
        compression: rules.compression,
        maxPartialImages: rules.maxPartialImages
      }
    })
  }

  /** The price before anything is sent; refuses parameters the model does not take, as a request would. */
  async estimate(input: GenerateInput | EditInput): Promise<ImageEstimate> {
    const edit = 'source' in input ? EditInput.parse(input) : null
    const request = edit ?? GenerateInput.parse(input)
    const model = request.model ?? (await this.defaultModel(request.providerId))
    const mode = edit ? edit.mode : 'generate'
    const params = checkParams(model, request, mode === 'conversation' ? 'generate' : mode, request.prompt)
    const inputImages: { width: number; height: number }[] = []
    for (const ref of edit ? [edit.source, ...edit.references] : []) {
      const asset = 'assetId' in ref ? this.deps.assets.get(ref.assetId) : null
      if (asset?.width && asset.height) inputImages.push({ width: asset.width, height: asset.height })
    }
    const estimate = estimateImageCost(
      { model, size: params.size, quality: params.quality, n: params.n, prompt: request.prompt, inputImages },
      this.deps.prices.table()
    )
    return { ...estimate, images: params.n }
  }

  /** The provider's image model when it is one, else gpt-image-1. */
  async defaultModel(providerId: string | undefined): Promise<string> {
    try {
      const { model } = await this.deps.ai.modelFor('image', providerId)
      return imageRules(model) ? model : DEFAULT_MODEL
    } catch (error) {
      if (toErrorInfo(error).code === 'PROVIDER_NOT_CONFIGURED') return DEFAULT_MODEL
      throw error
    }
  }
}
