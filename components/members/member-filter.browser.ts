// `<member-filter>`, the members directory's search and filters in the browser (bundled by
// scripts/build-browser.mjs). The query string is the filter's only state, so a filtered view can be shared and
// survives a reload. A custom element wires itself wherever it appears: on a page's first load, and when React
// puts it in the page after a client-side navigation in development.
import { EnhancedElement } from '@/lib/browser/enhanced-element';
import {
  filterCount,
  filterKeys,
  filterSearch,
  matchesFilter,
  parseFilter,
  type MatchedEntry,
  type MemberFilter,
} from '@/lib/coops/filter';

export class MemberFilterElement extends EnhancedElement {
  protected wire(signal: AbortSignal) {
    const form = this.querySelector('form');
    const clear = form?.querySelector('button');
    const count = this.querySelector<HTMLElement>('[data-filter-count]');
    const fallback = this.querySelector<HTMLElement>('[data-filter-fallback]');
    if (!form || !clear || !count || !fallback) return;

    // Each card's dot on the map, when it has one, is shown and hidden with it.
    const items = [...this.querySelectorAll<HTMLLIElement>('li[data-text]')].map((item) => ({
      item,
      dot: this.querySelector(`[data-dot="${item.dataset.slug}"]`),
      entry: {
        services: item.dataset.services?.split(' ') ?? [],
        technologies: item.dataset.technologies?.split(' ') ?? [],
        town: item.dataset.town,
        text: item.dataset.text ?? '',
      } satisfies MatchedEntry,
    }));
    const controls = filterKeys.flatMap((key) => {
      const control = form.elements.namedItem(key);
      return control instanceof HTMLInputElement || control instanceof HTMLSelectElement
        ? [[key, control] as const]
        : [];
    });

    const show = () => {
      const filter = parseFilter(window.location.search);
      for (const [key, control] of controls) {
        const value = filter[key] ?? '';
        // Only when it differs, or typing would lose the caret.
        if (control.value !== value) control.value = value;
      }
      let visible = 0;
      for (const { item, dot, entry } of items) {
        item.hidden = !matchesFilter(entry, filter);
        dot?.toggleAttribute('hidden', item.hidden);
        if (!item.hidden) visible += 1;
      }
      const filtered = Object.keys(filter).length > 0;
      // What depends on it in the markup's own styles: the map's caption.
      this.toggleAttribute('data-filtered', filtered);
      clear.hidden = !filtered;
      count.textContent = filterCount(items.length, filtered ? visible : undefined);
    };

    const setFilter = (filter: MemberFilter) => {
      window.history.replaceState(null, '', `${window.location.pathname}${filterSearch(filter)}`);
      show();
    };

    form.addEventListener(
      'input',
      () => {
        const filter: MemberFilter = {};
        for (const [key, control] of controls) filter[key] = control.value;
        setFilter(filter);
      },
      { signal },
    );
    form.addEventListener('submit', (event) => event.preventDefault(), { signal });
    clear.addEventListener(
      'click',
      () => {
        setFilter({});
        form.querySelector('input')?.focus();
      },
      { signal },
    );
    window.addEventListener('popstate', show, { signal });

    show();
    fallback.hidden = true;
    form.hidden = false;
  }
}

if (!customElements.get('member-filter')) customElements.define('member-filter', MemberFilterElement);
