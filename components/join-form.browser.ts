// `<join-form>` in the browser (bundled by scripts/build-browser.mjs): it wraps the form components/join-form.tsx
// renders, checks the same schema as the server, then submits in place, shows errors beside their fields and
// moves focus to the first one. A custom element wires itself wherever it appears: on a page's first load, and
// when React puts it in the page after a client-side navigation in development.
import { EnhancedElement } from '@/lib/browser/enhanced-element';
import { describedBy, errorId, formFields, formStatus } from '@/lib/enquiries/form';
import { validateEnquiry, type FieldErrors } from '@/lib/enquiries/schema';

export class JoinFormElement extends EnhancedElement {
  // One key per enquiry, so a double submit or a retry after a network failure stores it once. Changed values are
  // another enquiry: they get a new key, since the server refuses a key it has seen with a different enquiry.
  #attempt: { key: string; body: string } | undefined;

  protected wire(signal: AbortSignal) {
    const form = this.querySelector('form');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    const thanks = this.querySelector<HTMLElement>('[data-join-thanks]');
    const button = form?.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (!form || !status || !thanks || !button) return;

    const say = (message: string) => {
      status.textContent = message;
      // A summary of a failed form post (rendered by the server) would now be out of date.
      const summary = this.querySelector<HTMLElement>('[role="alert"]');
      if (summary) summary.hidden = true;
    };

    const showErrors = (errors: FieldErrors, message: string) => {
      for (const field of formFields) {
        const control = form.elements.namedItem(field.name);
        const error = this.querySelector<HTMLElement>(`#${errorId(field.name)}`);
        if (!(control instanceof HTMLElement) || !error) continue;
        const messages = errors[field.name];
        error.textContent = messages?.join(' ') ?? '';
        error.hidden = !messages;
        const description = describedBy(field, Boolean(messages));
        if (description) control.setAttribute('aria-describedby', description);
        else control.removeAttribute('aria-describedby');
        if (messages) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
      say(message);
      const first = formFields.find((field) => errors[field.name]);
      const control = first && form.elements.namedItem(first.name);
      if (control instanceof HTMLElement) control.focus();
    };

    const submitText = button.textContent;
    const setPending = (pending: boolean) => {
      button.disabled = pending;
      button.textContent = pending ? formStatus.pending : submitText;
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
          say(formStatus.sent);
          form.hidden = true;
          thanks.hidden = false;
          thanks.querySelector('h3')?.focus();
          return;
        }
        const problem = (await response.json()) as { detail?: string; errors?: FieldErrors };
        showErrors(problem.errors ?? {}, formStatus.refused(problem.detail));
      } catch {
        say(formStatus.offline);
      }
    };

    form.addEventListener(
      'submit',
      (event) => {
        event.preventDefault();
        if (button.disabled) return;
        const values = Object.fromEntries(new FormData(form));
        const check = validateEnquiry(values);
        if (!check.ok) return showErrors(check.errors, formStatus.invalid);
        showErrors({}, formStatus.sending);
        const body = JSON.stringify(values);
        if (this.#attempt?.body !== body) this.#attempt = { key: crypto.randomUUID(), body };
        setPending(true);
        void send(this.#attempt).finally(() => setPending(false));
      },
      { signal },
    );
  }
}

if (!customElements.get('join-form')) customElements.define('join-form', JoinFormElement);
