import { escapeHtml } from '@/lib/html';
import { site } from '@/lib/site';
import { checkboxFields, fieldOrder, formFields, legalFormOptions, type FormField } from './fields';
import type { Problem } from './problem';
import { honeypotField, type EnquiryField } from './schema';

/**
 * The answer to a form post that failed, for visitors without JavaScript: the same form as on /join with each
 * message beside its field and everything they typed kept. Route handlers cannot render React to HTML
 * (react-dom/server is refused in the App Router), so this is plain HTML built from the same field list.
 */
export function formPage({ problem, values }: { problem: Problem; values: Record<string, unknown> }): Response {
  const errors = problem.errors ?? {};
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : '';
  };
  const messages = (name: EnquiryField) =>
    (errors[name] ?? []).map((message) => `<p class="error" id="${name}-error">${escapeHtml(message)}</p>`).join('');
  const describedBy = (field: { name: EnquiryField; hint?: string }) => {
    const ids = [field.hint && `${field.name}-hint`, errors[field.name] && `${field.name}-error`].filter(Boolean);
    return ids.length ? ` aria-describedby="${ids.join(' ')}"` : '';
  };
  const invalid = (name: EnquiryField) => (errors[name] ? ' aria-invalid="true"' : '');

  const control = (field: FormField) => {
    const common = `id="${field.name}" name="${field.name}"${field.required ? ' required' : ''}${describedBy(field)}${invalid(field.name)}`;
    if (field.type === 'textarea') return `<textarea ${common} rows="6">${escapeHtml(text(field.name))}</textarea>`;
    if (field.type === 'select') {
      const options = legalFormOptions
        .map(
          ([value, label]) =>
            `<option value="${value}"${text(field.name) === value ? ' selected' : ''}>${escapeHtml(label)}</option>`,
        )
        .join('');
      return `<select ${common}><option value="">Choose…</option>${options}</select>`;
    }
    const autocomplete = field.autoComplete ? ` autocomplete="${field.autoComplete}"` : '';
    return `<input ${common} type="${field.type}"${autocomplete} value="${escapeHtml(text(field.name))}">`;
  };

  const fields = formFields
    .map(
      (field) =>
        `<div class="field"><label for="${field.name}">${escapeHtml(field.label)}</label>${
          field.hint ? `<p class="hint" id="${field.name}-hint">${escapeHtml(field.hint)}</p>` : ''
        }${messages(field.name)}${control(field)}</div>`,
    )
    .join('');
  const checkboxes = checkboxFields
    .map(([name, label]) => {
      const checked = ['on', 'true'].includes(text(name)) || values[name] === true ? ' checked' : '';
      return `<div class="check">${messages(name)}<input type="checkbox" id="${name}" name="${name}" required${checked}${describedBy({ name })}${invalid(name)}><label for="${name}">${escapeHtml(label)}</label></div>`;
    })
    .join('');
  const summary = fieldOrder
    .filter((name) => errors[name])
    .map((name) => `<li><a href="#${name}">${escapeHtml(errors[name]?.[0] ?? '')}</a></li>`)
    .join('');

  const html = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(problem.title)} – ${escapeHtml(site.shortName)}</title>
<style>${styles}</style></head>
<body><a class="skip" href="#main">Skip to main content</a>
<header><a href="/" class="brand">${escapeHtml(site.shortName)}</a><nav aria-label="Main"><ul>${site.nav
    .map(({ href, label }) => `<li><a href="${href}">${escapeHtml(label)}</a></li>`)
    .join('')}</ul></nav></header>
<main id="main" tabindex="-1"><h1>${escapeHtml(problem.title)}</h1>
<div class="problem" role="alert"><p>${escapeHtml(problem.detail)}</p>${summary ? `<ul>${summary}</ul>` : ''}</div>
<form method="post" action="/api/join" novalidate>
<div class="trap" aria-hidden="true"><label for="${honeypotField}">Fax (leave empty)</label><input id="${honeypotField}" name="${honeypotField}" tabindex="-1" autocomplete="off"></div>
${fields}<fieldset><legend>Eligibility and consent</legend>${checkboxes}</fieldset>
<button type="submit">Send enquiry</button></form></main>
<footer><a href="mailto:${site.email}">${site.email}</a> · <a href="${site.forum}">Forum</a></footer>
</body></html>`;
  return new Response(html, {
    status: problem.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      ...(problem.retryAfterSeconds !== undefined && { 'retry-after': String(problem.retryAfterSeconds) }),
    },
  });
}

const styles = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1c1b19;background:#fbfaf7}
header,footer{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;padding:1rem;border-bottom:1px solid #dcd8cf}
footer{border:0;border-top:1px solid #dcd8cf;margin-top:3rem}
nav ul{display:flex;gap:1.25rem;list-style:none;margin:0;padding:0}
a{color:#8c1d17}.brand{font-weight:700;font-size:1.25rem;color:#1c1b19;text-decoration:none}
main{max-width:42rem;margin:0 auto;padding:2rem 1rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#1c1b19;color:#fff;padding:.5rem 1rem}
.problem{border-left:4px solid #b3261e;padding:.5rem 1rem;background:#fbe9e7}
.field{margin:1.25rem 0}label,legend{display:block;font-weight:600}
input:not([type=checkbox]),select,textarea{box-sizing:border-box;width:100%;padding:.5rem;border:1px solid #55524c;border-radius:4px;font:inherit}
[aria-invalid=true]{border:2px solid #b3261e}.hint{margin:0;color:#55524c}.error{margin:.25rem 0;color:#8c1d17;font-weight:600}
fieldset{border:1px solid #dcd8cf;margin:1.5rem 0;padding:1rem}.check{margin:.5rem 0}.check label{display:inline;font-weight:400;margin-left:.5rem}
button{background:#8c1d17;color:#fff;border:0;border-radius:4px;padding:.75rem 1.5rem;font:inherit;font-weight:600}
.trap{position:absolute;left:-9999px}`;
