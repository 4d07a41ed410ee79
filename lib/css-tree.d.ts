// css-tree's types (@types/css-tree) describe its main module only. The logo check (lib/content/logo-svg.ts) imports
// its tokenizer and decoders by their own paths, which css-tree exports: its main module also loads the CSS syntax data
// that validation needs (a megabyte of JSON, through createRequire), and the tokens are all the check reads.
declare module 'css-tree/tokenizer' {
  export { tokenize, tokenTypes } from 'css-tree';
}

declare module 'css-tree/utils' {
  export { ident, string, url } from 'css-tree';
}
