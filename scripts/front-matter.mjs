// YAML front matter for the one-off content imports (scripts/import-*.mjs).

/** A YAML scalar: plain when that is unambiguous, otherwise double-quoted (JSON strings are valid YAML). */
export function scalar(value) {
  if (typeof value !== 'string') return String(value);
  const plain =
    /^[A-Za-z0-9][\w .,'’&()/+:-]*$/.test(value) &&
    !/: | #|:$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[\d.e+-]+)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** A Markdown file's front matter block; fields missing in the data are left out, not invented. */
export function frontMatter(fields) {
  const lines = ['---'];
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      lines.push(value.length ? `${key}:` : `${key}: []`, ...value.map((item) => `  - ${scalar(item)}`));
    } else {
      lines.push(`${key}: ${scalar(value)}`);
    }
  }
  return `${lines.join('\n')}\n---\n`;
}
