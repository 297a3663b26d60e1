export * from './values';
export * from './cipher-suite-policy';
export * from './key-ring';
export * from './secure-ftp-server';
export * from './app';
