// Runs s3rver in its own Node process because its list paging needs `--openssl-legacy-provider`,
// a flag that must not leak into the rest of Shoal. Talks to the parent over IPC: one `ready`
// message with the port, then one `event` message per S3 notification record.
'use strict';
const S3rver = require('s3rver');

const { port, directory, buckets } = JSON.parse(process.argv[2]);

const server = new S3rver({
  address: '127.0.0.1',
  port,
  directory,
  silent: true,
  configureBuckets: buckets.map((name) => ({ name })),
});

server.on('event', (event) => {
  for (const record of event.Records) process.send({ type: 'event', record });
});

server.run().then(
  (address) => process.send({ type: 'ready', port: address.port }),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

process.on('disconnect', () => process.exit(0));
