// Public surface of the FTP.DATA format: parse (any hand-written file) and render.
export { parseFtpData, FTP_DATA_PARSE_CHECKS, type ParseCheck } from './parse';
export { renderFtpData } from './render';
export {
  FTP_DATA_STATEMENTS,
  FTP_CIPHER_SUITES,
  FTP_EXTENSIONS,
  describeGrammar,
  parsePortRange,
  statementTableMarkdown,
  suggestKeyword,
  validateValue,
  type AppliesTo,
  type Evidence,
  type Grammar,
  type StatementInfo,
} from './catalogue';
