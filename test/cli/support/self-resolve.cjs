// Lets a test run an example program directly (as `node main.ts` would in a
// user's project) with 'zftps' resolving to this repository's source.
const Module = require('module');
const path = require('path');
const base = path.join(__dirname, '..', '..', '..', 'lib');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'zftps') request = base;
  return original.call(this, request, parent, ...rest);
};
