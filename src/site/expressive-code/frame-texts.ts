/**
 * The frames plugin's texts (copy button, "Terminal window") in English on English pages. Starlight fills them
 * in from its translations when it reads ec.config.mjs, but its English dictionary has no `expressiveCode.*`
 * keys, and with zh-CN as the default locale i18next falls back to the Chinese ones for `en`
 * (@astrojs/starlight dist/integrations/expressive-code/translations.js, addTranslationsForLocale). Expressive
 * Code's own defaults are English: they are put back for `en` before any block is rendered.
 */
import { definePlugin, type ExpressiveCodePlugin, pluginFramesTexts } from '@astrojs/starlight/expressive-code';

function restoreEnglish(): void {
  pluginFramesTexts.overrideTexts('en', { ...pluginFramesTexts.defaultTexts });
}

export function pluginEnglishFrameTexts(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'Podbook English frame texts',
    hooks: {
      // Config preprocessing (Starlight's) runs before the first block; this runs before each block is framed.
      preprocessLanguage: restoreEnglish,
    },
  });
}
