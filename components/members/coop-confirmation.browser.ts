// `<coop-confirmation>`, on a co-op's page (bundled by scripts/build-browser.mjs). The page is prerendered, so it
// knows the entry's `confirmed:` date as it was built; a co-op's people saying "Still correct" is recorded by the
// site at once and reaches the entry later (lib/coops/confirmations.ts). The element asks the site for the latest
// date and, when it is newer than the page's, says so and drops the page's older "Last confirmed" line. Without
// JavaScript the page says what it was built with.
import { EnhancedElement } from '@/lib/browser/enhanced-element';
import { formatDate } from '@/lib/format';

export class CoopConfirmationElement extends EnhancedElement {
  protected wire(signal: AbortSignal) {
    const { slug, built = '' } = this.dataset;
    const line = this.querySelector<HTMLElement>('[data-confirmation]');
    if (!slug || !line) return;
    fetch(`/api/coops/${encodeURIComponent(slug)}/confirmation`, { signal, headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : {}) as Promise<{ confirmed?: unknown }>)
      .then(({ confirmed }) => {
        if (typeof confirmed !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(confirmed) || confirmed <= built) return;
        line.textContent = `Its people confirmed this entry on ${formatDate(confirmed)}.`;
        line.hidden = false;
        for (const older of document.querySelectorAll<HTMLElement>('[data-last-confirmed]')) older.hidden = true;
      })
      // The page's own date stands when the site cannot say more.
      .catch(() => undefined);
  }
}

if (!customElements.get('coop-confirmation')) customElements.define('coop-confirmation', CoopConfirmationElement);
