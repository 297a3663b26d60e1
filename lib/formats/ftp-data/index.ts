// Public surface of the FTP.DATA format: parse (any hand-written file) and render.
export { parseFtpData } from './parse';
export { renderFtpData } from './render';
export { FTP_DATA_STATEMENTS, type StatementInfo } from './catalogue';
