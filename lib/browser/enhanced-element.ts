import { whenParsed } from './when-parsed';

/**
 * A custom element that enhances the markup it wraps, the platform's way: it wires itself wherever it appears, on
 * a page's first load and wherever React puts it after a client-side navigation in development, and unwires when
 * it leaves the page.
 */
export abstract class EnhancedElement extends HTMLElement {
  #listeners: AbortController | undefined;

  connectedCallback() {
    // The element may be defined before the parser has reached its contents.
    whenParsed(() => {
      if (!this.isConnected) return;
      this.#listeners?.abort();
      this.#listeners = new AbortController();
      this.wire(this.#listeners.signal);
    });
  }

  disconnectedCallback() {
    this.#listeners?.abort();
  }

  /** Wires the element's contents; every listener is added with `signal`, which ends when the element leaves. */
  protected abstract wire(signal: AbortSignal): void;
}
