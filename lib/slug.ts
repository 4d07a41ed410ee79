/** `Newcastle Upon Tyne` → `newcastle-upon-tyne`: the URL segment for a name that has no file of its own (towns). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
