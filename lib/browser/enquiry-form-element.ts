import { contextOf, type KindContext } from '@/lib/enquiry-kinds/field';
import {
  allFields,
  describedBy,
  errorId,
  formValues,
  type FieldErrors,
  type FormDescription,
} from '@/lib/enquiry-kinds/form';
import { allFieldsOf, formOf, validate, type KindDescription } from '@/lib/enquiry-kinds/kind';
import type { ClientMatches } from '@/lib/hire/client-matches';
import { EnhancedElement } from './enhanced-element';

/**
 * Defines `<KIND-form>` for one kind of enquiry: each kind's script (made from the registry by
 * scripts/build-browser.mjs) calls it with its own description, so a page carries only its own form's schema.
 */
export function defineEnquiryForm(kind: KindDescription): void {
  const name = `${kind.kind}-form`;
  if (customElements.get(name)) return;
  customElements.define(
    name,
    class extends EnquiryFormElement {
      protected readonly kind = kind;
    },
  );
}

/** The options the page rendered for a field: its boxes' values, or its list's, without the empty "Choose…". */
function optionsRendered(form: HTMLFormElement, field: string): string[] {
  const controls = form.querySelectorAll<HTMLInputElement | HTMLOptionElement>(
    `input[name="${field}"], select[name="${field}"] option`,
  );
  return [...controls].map((control) => control.value).filter((value) => value !== '');
}

/** What a stored enquiry's JSON answer gives the thanks in place: its reference and, for a brief, its matches. */
type Accepted = { reference?: string; matches?: ClientMatches };

/**
 * Fills the thanks in place from the answer, as the thanks page without JavaScript renders it: the reference, and
 * the matching co-ops, a card each from the `<template>` components/hire/match-list.tsx renders.
 */
function fillThanks(thanks: HTMLElement, { reference, matches }: Accepted) {
  const line = thanks.querySelector<HTMLElement>('[data-reference]');
  const code = line?.querySelector('strong');
  if (line && code && reference) {
    code.textContent = reference;
    line.hidden = false;
  }
  const section = thanks.querySelector<HTMLElement>('[data-matches]');
  const template = section?.querySelector<HTMLTemplateElement>('template[data-card]');
  if (!section || !template || !matches) return;
  section.querySelector('[data-heading]')?.replaceChildren(matches.heading);
  section.querySelector('[data-intro]')?.replaceChildren(matches.intro);
  const cards = matches.cards.map((card) => {
    const item = template.content.cloneNode(true) as DocumentFragment;
    const link = item.querySelector('a');
    if (link) {
      link.href = card.url;
      link.textContent = card.name;
    }
    item
      .querySelector('[data-lines]')
      ?.replaceChildren(
        ...card.lines.map((text) => Object.assign(document.createElement('li'), { textContent: text })),
      );
    return item;
  });
  section.querySelector('[data-cards]')?.replaceChildren(...cards);
  section.hidden = false;
}

/**
 * The browser side of an enquiry form: it wraps the form components/enquiry-form.tsx renders, checks the same schema
 * as the server, then submits in place, shows errors beside their fields and in the summary at the top, which it
 * focuses. The directory's lists a field takes its options from are the options the page rendered: the same lists
 * the server checks against.
 */
export abstract class EnquiryFormElement extends EnhancedElement {
  protected abstract readonly kind: KindDescription;

  private get description(): FormDescription {
    return formOf(this.kind);
  }

  private check(values: Record<string, unknown>, form: HTMLFormElement): FieldErrors | undefined {
    const context: KindContext = { serviceSlugs: [], coopSlugs: [] };
    for (const field of allFieldsOf(this.kind)) {
      if (field.optionsFrom) context[contextOf[field.optionsFrom]] = optionsRendered(form, field.name);
    }
    const result = validate(this.kind, values, context);
    return result.ok ? undefined : result.errors;
  }

  /**
   * Options a link asks for in its address (`/hire?service=SLUG`, `/hire?coop=SLUG`), for the fields that say which
   * parameter chooses them, when the page offers them. Prerendered option pages do the same without JavaScript.
   */
  private prefill(form: HTMLFormElement) {
    const query = new URLSearchParams(location.search);
    for (const field of allFieldsOf(this.kind)) {
      if (!field.prefill) continue;
      const wanted = query.getAll(field.prefill);
      for (const box of form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${field.name}"]`)) {
        if (wanted.includes(box.value)) box.checked = true;
      }
      const select = form.querySelector<HTMLSelectElement>(`select[name="${field.name}"]`);
      const [first] = wanted;
      if (select && first && optionsRendered(form, field.name).includes(first)) select.value = first;
    }
  }

  // One key per enquiry, so a double submit or a retry after a network failure stores it once. Changed values are
  // another enquiry: they get a new key, since the server refuses a key it has seen with a different enquiry.
  #attempt: { key: string; body: string } | undefined;

  protected wire(signal: AbortSignal) {
    const form = this.querySelector('form');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    const thanks = this.querySelector<HTMLElement>('[data-thanks]');
    const summary = this.querySelector<HTMLElement>('[data-summary]');
    const button = form?.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (!form || !status || !thanks || !summary || !button) return;
    const { description } = this;
    const fields = allFields(description);
    const wording = description.status;
    this.prefill(form);

    const say = (message: string) => {
      status.textContent = message;
      // The summary of earlier errors (the script's, or a failed form post's, rendered by the server) is out of date.
      summary.hidden = true;
    };

    /**
     * Marks each field's errors beside it and, when there are any, shows the summary at the top (as the server
     * renders it for a failed form post): the message, then a link to each field with its first error; focus moves
     * to the summary, so it is read first and each field is one link away.
     */
    const showErrors = (errors: FieldErrors, message: string) => {
      for (const field of fields) {
        // A field's id is on its control, or on the group of a `choices` field's boxes.
        const control = this.querySelector<HTMLElement>(`#${field.name}`);
        const error = this.querySelector<HTMLElement>(`#${errorId(field.name)}`);
        if (!control || !error) continue;
        const messages = errors[field.name];
        error.textContent = messages?.join(' ') ?? '';
        error.hidden = !messages;
        const description = describedBy(field, Boolean(messages));
        if (description) control.setAttribute('aria-describedby', description);
        else control.removeAttribute('aria-describedby');
        if (messages) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
      const links = fields.flatMap((field) => {
        const [first] = errors[field.name] ?? [];
        if (first === undefined) return [];
        const item = document.createElement('li');
        const link = item.appendChild(document.createElement('a'));
        link.href = `#${field.name}`;
        link.textContent = first;
        return [item];
      });
      say(links.length ? '' : message);
      if (!links.length) return;
      const [detail, list] = summary.children;
      if (detail) detail.textContent = message;
      list?.replaceChildren(...links);
      if (list instanceof HTMLElement) list.hidden = false;
      summary.hidden = false;
      summary.focus();
    };

    const submitText = button.textContent;
    const setPending = (pending: boolean) => {
      button.disabled = pending;
      button.textContent = pending ? wording.pending : submitText;
    };

    const send = async ({ key, body }: { key: string; body: string }) => {
      try {
        const response = await fetch(form.action, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key },
          body,
        });
        if (response.ok) {
          this.#attempt = undefined;
          fillThanks(thanks, (await response.json()) as Accepted);
          say(wording.sent);
          form.hidden = true;
          thanks.hidden = false;
          thanks.querySelector('h3')?.focus();
          return;
        }
        const problem = (await response.json()) as { detail?: string; errors?: FieldErrors };
        showErrors(problem.errors ?? {}, wording.refused(problem.detail));
      } catch {
        say(wording.offline);
      }
    };

    form.addEventListener(
      'submit',
      (event) => {
        event.preventDefault();
        if (button.disabled) return;
        const values = formValues(new FormData(form), description);
        const errors = this.check(values, form);
        if (errors) return showErrors(errors, wording.invalid);
        showErrors({}, wording.sending);
        const body = JSON.stringify(values);
        if (this.#attempt?.body !== body) this.#attempt = { key: crypto.randomUUID(), body };
        setPending(true);
        void send(this.#attempt).finally(() => setPending(false));
      },
      { signal },
    );
  }
}
