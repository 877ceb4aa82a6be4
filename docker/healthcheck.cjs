// Container health check without curl or wget (the slim image has neither): GET the path given
// as the first argument (default /healthz) on this container's PORT; exit 0 on 2xx, else 1.
'use strict';
const http = require('node:http');

const path = process.argv[2] || '/healthz';
const port = Number(process.env.PORT);
const fail = (why) => {
  process.stderr.write(`healthcheck ${path}: ${why}\n`);
  process.exit(1);
};
if (!Number.isInteger(port) || port <= 0) fail(`PORT is not set to a port number ('${process.env.PORT ?? ''}')`);

const req = http.get({ host: '127.0.0.1', port, path, timeout: 3000 }, (res) => {
  res.resume();
  if (res.statusCode >= 200 && res.statusCode < 300) process.exit(0);
  fail(`HTTP ${res.statusCode}`);
});
req.on('timeout', () => req.destroy(new Error('timed out after 3 s')));
req.on('error', (error) => fail(error.message));
