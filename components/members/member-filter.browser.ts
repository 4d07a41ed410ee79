// The members directory's search and filters, run in the browser (bundled by scripts/build-browser.mjs). The query
// string is the filter's only state, so a filtered view can be shared and survives a reload.
import { whenParsed } from '@/lib/browser/when-parsed';
import {
  filterKeys,
  filterSearch,
  matchesFilter,
  parseFilter,
  type MatchedEntry,
  type MemberFilter,
} from '@/lib/members/filter';

whenParsed(() => {
  const root = document.querySelector<HTMLElement>('[data-member-filter]');
  const form = root?.querySelector('form');
  const clear = form?.querySelector('button');
  const count = root?.querySelector<HTMLElement>('[data-filter-count]');
  const fallback = root?.querySelector<HTMLElement>('[data-filter-fallback]');
  if (!root || !form || !clear || !count || !fallback) return;

  const items = [...root.querySelectorAll<HTMLLIElement>('li[data-text]')].map((item) => ({
    item,
    entry: {
      services: item.dataset.services?.split(' ') ?? [],
      technologies: item.dataset.technologies?.split(' ') ?? [],
      town: item.dataset.town,
      text: item.dataset.text ?? '',
    } satisfies MatchedEntry,
  }));
  const controls = filterKeys.flatMap((key) => {
    const control = form.elements.namedItem(key);
    return control instanceof HTMLInputElement || control instanceof HTMLSelectElement ? [[key, control] as const] : [];
  });

  const show = () => {
    const filter = parseFilter(window.location.search);
    for (const [key, control] of controls) {
      const value = filter[key] ?? '';
      // Only when it differs, or typing would lose the caret.
      if (control.value !== value) control.value = value;
    }
    let visible = 0;
    for (const { item, entry } of items) {
      item.hidden = !matchesFilter(entry, filter);
      if (!item.hidden) visible += 1;
    }
    const filtered = Object.keys(filter).length > 0;
    clear.hidden = !filtered;
    count.textContent = filtered
      ? `${visible} of ${items.length} member co-ops match`
      : `${items.length} member co-ops`;
  };

  const setFilter = (filter: MemberFilter) => {
    window.history.replaceState(null, '', `${window.location.pathname}${filterSearch(filter)}`);
    show();
  };

  form.addEventListener('input', () => {
    const filter: MemberFilter = {};
    for (const [key, control] of controls) filter[key] = control.value;
    setFilter(filter);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  clear.addEventListener('click', () => {
    setFilter({});
    form.querySelector('input')?.focus();
  });
  window.addEventListener('popstate', show);

  show();
  fallback.hidden = true;
  form.hidden = false;
});
