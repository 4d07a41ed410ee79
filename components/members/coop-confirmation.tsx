import { BrowserScript } from '@/components/browser-script';

/**
 * Where a co-op's page says its people confirmed the entry since the page was built (components/members/
 * coop-confirmation.browser.ts): empty and hidden until the site says so. `built` is the entry's `confirmed:` day
 * as the page was built from it.
 */
export function CoopConfirmation({ slug, built }: { slug: string; built?: string }) {
  return (
    <coop-confirmation data-slug={slug} data-built={built?.slice(0, 10) ?? ''} className="block">
      <p data-confirmation hidden className="font-semibold" suppressHydrationWarning />
      <BrowserScript name="coop-confirmation" />
    </coop-confirmation>
  );
}
