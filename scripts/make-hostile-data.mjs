// Writes the hostile data corpus under test/fixtures/hostile/data once; the files are committed and
// the tests only read them. Run again after changing a case: `node scripts/make-hostile-data.mjs`.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, gzipSync } from 'node:zlib';

const root = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'test',
  'fixtures',
  'hostile',
  'data',
);
const manifest = [];

function put(file, bytes, code, why, says) {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  if (code) manifest.push(says ? { file, code, why, says } : { file, code, why });
}
const u32be = (...values) => {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeUInt32BE(v, 4 * i));
  return b;
};
function npy(descr, shape, data, fortran = false) {
  const shapeText = `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const head = Buffer.alloc(10);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(head);
  head.writeUInt16LE(header.length, 8);
  return Buffer.concat([head, Buffer.from(header, 'latin1'), data]);
}
// A PNG with any IHDR: enough for the size check, which reads the header before decoding.
function png(width, height, idat = Buffer.alloc(0)) {
  const crc = () => Buffer.alloc(4); // pngjs checks CRCs: a wrong one is part of the damage
  const ihdr = Buffer.concat([u32be(width, height), Buffer.from([8, 0, 0, 0, 0])]);
  const chunk = (type, body) => Buffer.concat([u32be(body.length), Buffer.from(type), body, crc()]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });

// CSV
put('empty.csv', '', 'E_DATA', 'an empty file');
put('only-header.csv', 'a,b,c\n', 'E_DATA', 'a header and no rows');
put('blank-lines.csv', '\n\n  \n\r\n', 'E_DATA', 'only blank lines');
put('ragged.csv', 'a,b,c\n1,2,3\n4,5\n', 'E_DATA', 'a row with fewer values than the header');
put('nan-cell.csv', 'a,b\n1,2\nNaN,4\n', 'E_DATA', 'a NaN cell');
put('inf-cell.csv', 'a,b\n1,2\n3,Infinity\n', 'E_DATA', 'an Infinity cell');
put(
  'text-cell.csv',
  'a,b\n1,2\n3,secret-text-that-must-not-be-echoed-in-full\n',
  'E_DATA',
  'a long text cell: the message quotes at most 20 characters of it',
);
put(
  'binary-garbage.csv',
  Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
  'E_DATA',
  'binary bytes named .csv',
);
put('bom-ragged.csv', '\ufeffa,b\n1,2\n3\n', 'E_DATA', 'a BOM, then a ragged row');
put(
  'quoted-newline-ragged.csv',
  'a,b,c\n1,"2\n3",4\n5,6\n',
  'E_DATA',
  'a quoted newline inside a field belongs to that row; the next row is short',
);
put('unterminated-quote.csv', 'a,b\n1,"2\n3,4\n', 'E_DATA', 'a quote that never closes');
put('label-only.csv', 'label\n1\n2\n', 'E_DATA', 'only a label column, nothing to learn');
put(
  'gzip-bomb.csv.gz',
  gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x30)),
  'E_DATA',
  'an 8 KB gzip that unpacks to one 8 MB number: one sample, too few to train',
);
put('broken.csv.gz', gzipSync(Buffer.from('a,b\n1,2\n')).subarray(0, 12), 'E_DATA', 'a cut gzip');

// IDX
put(
  'idx-bad-magic',
  Buffer.concat([u32be(0x00000804, 10000, 28, 28), Buffer.alloc(10000)]),
  'E_DATA',
  'the magic number says four dimensions, so a pixel is read as a dimension',
  'not an IDX file',
);
put(
  'idx-text.idx',
  'hello, this is not an idx file\n',
  'E_DATA',
  'text named .idx',
  'not an IDX file',
);
put('idx-truncated-header', Buffer.from([0, 0, 8, 3, 0, 0]), 'E_DATA', 'cut inside the header');
put(
  'idx-truncated-data',
  Buffer.concat([u32be(0x00000803, 10, 28, 28), Buffer.alloc(100)]),
  'E_DATA',
  'ten images declared, 100 bytes present',
);
put(
  'idx-huge-dims',
  Buffer.concat([u32be(0x00000803, 0xffffffff, 0xffffffff, 0xffffffff), Buffer.alloc(16)]),
  'E_DATA',
  'declares 2^96 pixels: refused before any allocation',
);
put(
  'idx-unknown-type',
  Buffer.concat([u32be(0x00000503, 1, 2, 2), Buffer.alloc(4)]),
  'E_DATA',
  'type byte 0x05 that IDX does not define',
);
put(
  'idx-labels-as-images',
  Buffer.concat([u32be(0x00000801, 4), Buffer.from([1, 2, 3, 4])]),
  'E_DATA',
  'a label file chosen as images',
);

// NPY
put(
  'pickled.npy',
  npy('|O', [3], Buffer.from([0x80, 0x04, 0x95, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
  'E_DATA',
  'dtype object: pickled Python objects, never unpickled',
  'Python objects',
);
put('fortran.npy', npy('<f4', [2, 2], Buffer.alloc(16), true), 'E_DATA', 'Fortran order');
put('npy-truncated.npy', npy('<f4', [100, 784], Buffer.alloc(64)), 'E_DATA', 'cut short');
put(
  'npy-huge-shape.npy',
  npy('<f8', [99999999999, 99999999999], Buffer.alloc(8)),
  'E_DATA',
  'a shape past what memory holds',
);
put(
  'npy-bad-magic.npy',
  Buffer.from('PK\x03\x04 this is a zip, not npy'),
  'E_DATA',
  'an .npz (zip) named .npy',
);
put(
  'npy-header-overrun.npy',
  Buffer.concat([
    Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0xff, 0xff]),
    Buffer.from('{'),
  ]),
  'E_DATA',
  'a header length past the end of the file',
);
put(
  'npy-structured.npy',
  npy("[('x', '<f4')]", [2], Buffer.alloc(8)),
  'E_DATA',
  'a structured dtype',
);
put(
  'npy-nan.npy',
  npy('<f4', [2, 2], Buffer.from(new Float32Array([0, NaN, 1, 0]).buffer)),
  'E_DATA',
  'NaN inside the numbers',
);
put(
  'npy-version-9.npy',
  Buffer.concat([Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 9, 0, 0, 0])]),
  'E_DATA',
  'an unknown format version',
);

// Folders of pictures
put(
  'images-broken/a.png',
  png(28, 28, deflateSync(Buffer.alloc(10))),
  'E_DATA',
  'a damaged PNG in a folder',
);
manifest[manifest.length - 1].file = 'images-broken';
put('images-huge/a.png', png(100000, 100000), 'E_DATA', 'a PNG header claiming 10^10 pixels');
manifest[manifest.length - 1].file = 'images-huge';
put('images-not-png/a.png', 'not a picture at all', 'E_DATA', 'text named .png');
manifest[manifest.length - 1].file = 'images-not-png';
mkdirSync(join(root, 'images-empty'), { recursive: true });
put('images-empty/.keep', '', null);
manifest.push({ file: 'images-empty', code: 'E_DATA', why: 'a folder with no pictures' });
put('single.png', png(28, 28), 'E_DATA', 'a single picture chosen where a folder is needed');

// Paths outside the roots
manifest.push({
  file: '/etc/passwd',
  code: 'E_PATH_NOT_ALLOWED',
  why: 'an absolute path outside every root',
});
manifest.push({
  file: '../../../../package.json',
  code: 'E_PATH_NOT_ALLOWED',
  why: 'a relative path that climbs out of the fixtures folder',
});
manifest.push({
  file: '/proc/self/environ',
  code: 'E_PATH_NOT_ALLOWED',
  why: "the host's environment",
});

writeFileSync(join(root, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// Valid files that must import: a pandas to_csv() with its index column and a label column.
const valid = join(root, '..', 'data-valid');
rmSync(valid, { recursive: true, force: true });
mkdirSync(valid, { recursive: true });
const rows = [];
for (let i = 0; i < 6; i += 1)
  rows.push([i, ...Array.from({ length: 4 }, (_, j) => (i * 40 + j * 50) % 256), i % 3]);
writeFileSync(
  join(valid, 'pandas-index-label.csv'),
  `,p0,p1,p2,p3,label\n${rows.map((r) => r.join(',')).join('\n')}\n`,
);
writeFileSync(
  join(valid, 'pandas-index-unnamed-label.csv'),
  `,p0,p1,p2,p3,Unnamed\n${rows.map((r) => r.join(',')).join('\n')}\n`.replace(
    ',Unnamed',
    ',digit',
  ),
);
writeFileSync(
  join(valid, 'quoted-newline.csv'),
  'a,"b\nc",label\n0.5,"0.25",1\n0.75,0.5,0\n"1",0,1\n',
);
console.log(`${manifest.length} cases written to ${root}`);
