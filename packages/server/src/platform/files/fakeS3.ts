import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export type FakeS3 = {
  endpoint: string;
  /** Objects by `bucket/key`, as stored: tests read and tamper with them here. */
  objects: Map<string, Buffer>;
  requests: { method: string; path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
};

/**
 * Just enough of S3's REST API for the blob store, path-style: PUT, GET and DELETE of objects,
 * with S3's XML errors. Test support only; nothing in the server uses it.
 */
export async function startFakeS3(bucket: string): Promise<FakeS3> {
  const objects = new Map<string, Buffer>();
  const requests: FakeS3['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = decodeURIComponent(url.pathname);
      requests.push({ method: req.method ?? '', path, headers: req.headers });
      const [, bucketName, ...rest] = path.split('/');
      const key = rest.join('/');
      if (bucketName !== bucket)
        return error(res, 404, 'NoSuchBucket', 'The specified bucket does not exist');
      const id = `${bucketName}/${key}`;
      switch (req.method) {
        case 'PUT':
          objects.set(id, Buffer.concat(chunks));
          res.writeHead(200, { etag: '"fake"' }).end();
          return;
        case 'GET': {
          const body = objects.get(id);
          if (!body) return error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
          res.end(body);
          return;
        }
        case 'DELETE':
          objects.delete(id);
          res.writeHead(204).end();
          return;
        default:
          error(res, 405, 'MethodNotAllowed', 'not in this fake');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the fake S3 has no port');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function error(res: import('node:http').ServerResponse, status: number, code: string, message: string) {
  const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>fake</RequestId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'fake' }).end(body);
}
