// The join form in the browser (bundled by scripts/build-browser.mjs): it checks the same schema as the server,
// then submits in place, shows errors beside their fields and moves focus to the first one.
import { whenParsed } from '@/lib/browser/when-parsed';
import { fieldOrder } from '@/lib/enquiries/fields';
import { validateEnquiry, type FieldErrors } from '@/lib/enquiries/schema';

whenParsed(() => {
  const section = document.querySelector<HTMLElement>('[data-join-form]');
  const form = section?.querySelector('form');
  const status = section?.querySelector<HTMLElement>('[role="status"]');
  const thanks = section?.querySelector<HTMLElement>('[data-join-thanks]');
  const button = form?.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!form || !status || !thanks || !button) return;

  // One key per enquiry, so a double submit or a retry after a network failure stores it once. Changed values are
  // another enquiry: they get a new key, since the server refuses a key it has seen with a different enquiry.
  let attempt: { key: string; body: string } | null = null;

  const showErrors = (errors: FieldErrors, message: string) => {
    for (const name of fieldOrder) {
      const control = document.getElementById(name);
      const error = document.getElementById(`${name}-error`);
      if (!control || !error) continue;
      const messages = errors[name];
      error.textContent = messages?.join(' ') ?? '';
      error.hidden = !messages;
      const described = (control.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter((id) => id && id !== error.id);
      if (messages) described.push(error.id);
      if (described.length) control.setAttribute('aria-describedby', described.join(' '));
      else control.removeAttribute('aria-describedby');
      if (messages) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
    status.textContent = message;
    const first = fieldOrder.find((name) => errors[name]);
    if (first) document.getElementById(first)?.focus();
  };

  const setPending = (pending: boolean) => {
    button.disabled = pending;
    button.textContent = pending ? 'Sending…' : 'Send enquiry';
  };

  const send = async ({ key, body }: { key: string; body: string }) => {
    try {
      const response = await fetch('/api/join', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key },
        body,
      });
      if (response.ok) {
        attempt = null;
        status.textContent = 'Your enquiry has been sent.';
        form.hidden = true;
        thanks.hidden = false;
        thanks.querySelector('h3')?.focus();
        return;
      }
      const problem = (await response.json()) as { detail?: string; errors?: FieldErrors };
      showErrors(problem.errors ?? {}, `Your enquiry was not sent: ${problem.detail ?? 'please try again.'}`);
    } catch {
      status.textContent =
        'Your enquiry was not sent: we could not reach the site. Check your connection and try again.';
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (button.disabled) return;
    const values = Object.fromEntries(new FormData(form));
    const check = validateEnquiry(values);
    if (!check.ok) return showErrors(check.errors, 'Your enquiry was not sent: please correct the fields marked.');
    showErrors({}, 'Sending your enquiry…');
    const body = JSON.stringify(values);
    if (attempt?.body !== body) attempt = { key: crypto.randomUUID(), body };
    setPending(true);
    void send(attempt).finally(() => setPending(false));
  });
});
