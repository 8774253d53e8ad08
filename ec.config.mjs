// @ts-check
// Expressive Code settings; Starlight reads this file by itself (no change to astro.config.mjs is needed).
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { getBookBlockLocale, pluginEnglishFrameTexts, pluginPodbookBlocks } from './src/site/expressive-code/index.ts';

export default defineEcConfig({
  plugins: [pluginPodbookBlocks(), pluginEnglishFrameTexts()],
  // Our pages live in content/{zh-cn,en}/, which Starlight's own guess (src/content/docs/) does not know.
  getBlockLocale: getBookBlockLocale,
  frames: {
    // Callout and directive lines are already gone from the code; every line left is one the reader sees, and
    // a `# cmd` container prompt or a `#` output line must be copied too.
    removeCommentsWhenCopyingTerminalFrames: false,
  },
});
