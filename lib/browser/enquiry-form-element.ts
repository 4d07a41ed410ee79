import {
  allFields,
  describedBy,
  errorId,
  formValues,
  type FieldErrors,
  type FormDescription,
} from '@/lib/enquiry-kinds/form';
import { EnhancedElement } from './enhanced-element';

/**
 * The browser side of an enquiry form (`<join-form>`, `<brief-form>`): it wraps the form components/enquiry-form.tsx
 * renders, checks the same schema as the server, then submits in place, shows errors beside their fields and moves
 * focus to the first one. Each kind's script subclasses it with its description and its schema's check, so a page
 * carries only its own form's schema.
 */
export abstract class EnquiryFormElement extends EnhancedElement {
  protected abstract readonly description: FormDescription;
  /** The schema's check in the browser; `form` is the form as rendered, for what the page gave it (choices). */
  protected abstract check(values: Record<string, unknown>, form: HTMLFormElement): FieldErrors | undefined;
  /** Called once wired, for values the page asks for in its address (a chosen service). */
  protected prefill?(form: HTMLFormElement): void;

  // One key per enquiry, so a double submit or a retry after a network failure stores it once. Changed values are
  // another enquiry: they get a new key, since the server refuses a key it has seen with a different enquiry.
  #attempt: { key: string; body: string } | undefined;

  protected wire(signal: AbortSignal) {
    const form = this.querySelector('form');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    const thanks = this.querySelector<HTMLElement>('[data-thanks]');
    const button = form?.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (!form || !status || !thanks || !button) return;
    const { description } = this;
    const fields = allFields(description);
    const wording = description.status;
    this.prefill?.(form);

    const say = (message: string) => {
      status.textContent = message;
      // A summary of a failed form post (rendered by the server) would now be out of date.
      const summary = this.querySelector<HTMLElement>('[role="alert"]');
      if (summary) summary.hidden = true;
    };

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
      say(message);
      const first = fields.find((field) => errors[field.name]);
      const control = first && this.querySelector<HTMLElement>(`#${first.name}`);
      (control instanceof HTMLFieldSetElement ? control.querySelector('input') : control)?.focus();
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
