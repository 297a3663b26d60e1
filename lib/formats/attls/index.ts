// Public surface of the AT-TLS policy format: parse (any hand-written file) and render.
export { parsePolicy } from './parse';
export { renderPolicy } from './render';
