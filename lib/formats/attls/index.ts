// Public surface of the AT-TLS policy format: parse (any hand-written file), render, and the
// statement catalogue the rule catalogue uses to interpret what was parsed.
export { parsePolicy, ATTLS_PARSE_CHECKS, type ParseCheck } from './parse';
export { renderPolicy } from './render';
export {
  ATTLS_STATEMENTS,
  statementSpec,
  paramSpec,
  refTarget,
  groupStatement,
  canonicalName,
  checkParamValue,
  catalogueMarkdown,
  didYouMean,
  type StatementSpec,
  type ParamSpec,
  type ValueGrammar,
  type Evidence,
} from './catalogue';
