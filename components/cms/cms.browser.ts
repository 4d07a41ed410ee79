// The CMS's page (lib/cms/page.ts) runs this before Decap CMS's own script: Decap then waits for it to register the
// file format that keeps files as they were written (lib/cms/front-matter.ts) and to hand over the configuration the
// server put in the page, instead of fetching a config.yml.
import { readEntry, writeEntry, type EntryData } from '@/lib/cms/front-matter';
import { cmsConfigElementId, cmsFormat } from '@/lib/cms/names';

type Decap = {
  registerCustomFormat(
    name: string,
    extension: string,
    format: { fromFile(text: string): EntryData; toFile(entry: EntryData, sortedKeys?: string[]): string },
  ): void;
  init(options: { config: unknown }): void;
};

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: Decap;
  }
}

window.CMS_MANUAL_INIT = true;

document.addEventListener('DOMContentLoaded', () => {
  const cms = window.CMS;
  const config = document.getElementById(cmsConfigElementId)?.textContent;
  if (!cms || !config) throw new Error('The CMS page is missing Decap CMS or its configuration.');
  cms.registerCustomFormat(cmsFormat, 'md', { fromFile: readEntry, toFile: writeEntry });
  cms.init({ config: JSON.parse(config) });
});
