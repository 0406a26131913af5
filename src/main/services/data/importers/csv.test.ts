import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from './index';
import { gzip, put, tempFolder } from './testing/fixtures';
import { expectOk, expectProblem } from './testing/expect-problem';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempFolder()));
afterAll(() => cleanup());

const csv = async (name: string, text: string, labelColumn?: string, scaling?: 'none' | 'unit') =>
  importDataset(
    { kind: 'csv', path: await put(dir, name, text), labelColumn },
    { scaling: scaling ?? 'none' },
  );

describe('CSV importer reads what pandas and spreadsheets write', () => {
  const pandas = ',p0,p1,label\n0,0,255,3\n1,51,0,1\n2,255,102,3\n3,0,0,1\n';

  it('leaves out the index column df.to_csv() writes and scales pixel bytes by 255', async () => {
    const ds = expectOk(await csv('pandas.csv', pandas, undefined, 'unit'));
    expect(ds.sampleShape).toEqual([2]);
    expect(Array.from(ds.images)).toEqual([0, 1, 0.2, 0, 1, 0.4, 0, 0].map(Math.fround));
    expect(ds.notes?.[0]).toMatch(/index pandas writes/);
  });

  it('takes a column named label as the labels when no label column is chosen', async () => {
    const ds = expectOk(await csv('pandas-label.csv', pandas));
    expect(Array.from(ds.labels ?? [])).toEqual([3, 1, 3, 1]);
    expect(ds.notes?.join(' ')).toMatch(/'label' holds the labels \(2 classes\)/);
  });

  it('takes an unnamed first column of digits beside pixel bytes as the labels', async () => {
    const text = '7,0,200,13\n2,255,0,9\n7,1,2,3\n2,99,98,97\n';
    const ds = expectOk(await csv('mnist-no-header.csv', text));
    expect(ds.sampleShape).toEqual([3]);
    expect(Array.from(ds.labels ?? [])).toEqual([7, 2, 7, 2]);
  });

  it('reads a newline inside a quoted field as part of that field (RFC 4180)', async () => {
    const ds = expectOk(await csv('quoted.csv', 'a,"two\nlines"\n1,"2"\n3,4\n'));
    expect(ds.count).toBe(2);
    expect(Array.from(ds.images)).toEqual([1, 2, 3, 4]);
  });

  it('names the row of a quote that never closes', async () => {
    expectProblem(await csv('open-quote.csv', 'a,b\n1,"2\n3,4\n'), 'D408', /Row 2 .*never closes/);
  });

  it('quotes at most 20 characters of a cell in a message', async () => {
    const result = await csv('long.csv', 'a,b\n1,abcdefghijklmnopqrstuvwxyz0123\n');
    expectProblem(result, 'D403', /'abcdefghijklmnopqrs…'/);
  });
});

describe('CSV importer', () => {
  it('reads a table without a header, one sample a row', async () => {
    const ds = expectOk(await csv('plain.csv', '1,2.5,-3\n4,5e-1,6\n'));
    expect(ds.name).toBe('plain');
    expect(ds.count).toBe(2);
    expect(ds.sampleShape).toEqual([3]);
    expect(Array.from(ds.images)).toEqual([1, 2.5, -3, 4, 0.5, 6]);
    expect(ds.labels).toBeNull();
  });

  it('detects a header and leaves it out of the data', async () => {
    const ds = expectOk(await csv('header.csv', 'a,b\r\n1,2\r\n3,4\r\n'));
    expect(ds.count).toBe(2);
    expect(Array.from(ds.images)).toEqual([1, 2, 3, 4]);
  });

  it('takes whole-number labels from the column chosen by name, wherever it is', async () => {
    const ds = expectOk(await csv('mnist.csv', 'px0,label,px1\n0,7,255\n128,2,0\n', 'label'));
    expect(ds.sampleShape).toEqual([2]);
    expect(Array.from(ds.images)).toEqual([0, 255, 128, 0]);
    expect(Array.from(ds.labels ?? [])).toEqual([7, 2]);
    expect(ds.labelNames).toBeNull();
  });

  it('numbers text labels in sorted order and keeps their names', async () => {
    const text = 'x;y;species\n1;2;setosa\n3;4;virginica\n5;6;setosa\n';
    const ds = expectOk(await csv('iris.csv', text, 'species'));
    expect(ds.labelNames).toEqual(['setosa', 'virginica']);
    expect(Array.from(ds.labels ?? [])).toEqual([0, 1, 0]);
    expect(Array.from(ds.images)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('finds the label column ignoring case, and reads tabs, quotes and blank lines', async () => {
    const text = '"a"\t"Label"\n"1"\t"0"\n\n2\t1\n';
    const ds = expectOk(await csv('tabs.tsv', text, 'label'));
    expect(Array.from(ds.images)).toEqual([1, 2]);
    expect(Array.from(ds.labels ?? [])).toEqual([0, 1]);
  });

  it('divides pixel bytes by 255 and min-max scales other values into [0, 1]', async () => {
    const bytes = expectOk(await csv('bytes.csv', '0,255\n51,102\n', undefined, 'unit'));
    expect(Array.from(bytes.images)).toEqual([0, 1, 0.2, 0.4].map(Math.fround));
    const other = expectOk(await csv('floats.csv', '-1,3\n1,0\n', undefined, 'unit'));
    expect(Array.from(other.images)).toEqual([0, 1, 0.5, 0.25]);
    const binary = expectOk(await csv('binary.csv', '0,1\n1,0\n', undefined, 'unit'));
    expect(Array.from(binary.images)).toEqual([0, 1, 1, 0]);
  });

  it('reads a gzip-compressed CSV', async () => {
    const path = await put(dir, 'packed.csv.gz', gzip(new TextEncoder().encode('1,2\n3,4\n')));
    const ds = expectOk(await importDataset({ kind: 'csv', path }, { scaling: 'none' }));
    expect(ds.name).toBe('packed');
    expect(Array.from(ds.images)).toEqual([1, 2, 3, 4]);
  });
});

describe('CSV importer refuses broken tables with a specific message', () => {
  it('names the row and both counts for a ragged row', async () => {
    const rows = ['a,b,c,d,e,f', ...Array.from({ length: 15 }, () => '1,2,3,4,5,6'), '1,2,3,4,5'];
    const message = expectProblem(await csv('ragged.csv', rows.join('\n')), 'D402');
    expect(message).toContain('Row 17 of the CSV has 5 values but the header has 6');
  });

  it('compares with the first row when there is no header', async () => {
    expectProblem(
      await csv('ragged2.csv', '1,2\n1,2,3\n'),
      'D402',
      /Row 2 .* 3 values but the first row has 2/,
    );
  });

  it('names the row and column of a value that is not a number', async () => {
    const result = await csv('text.csv', 'a,b\n1,2\n3,abc\n');
    expectProblem(result, 'D403', /Row 3 of the CSV has 'abc' in column 'b'/);
  });

  it('reports an empty value', async () => {
    expectProblem(await csv('hole.csv', 'a,b\n1,\n'), 'D403', /empty value in column 'b'/);
  });

  it('lists the columns when the label column does not exist', async () => {
    expectProblem(
      await csv('nolabel.csv', 'a,b\n1,2\n', 'class'),
      'D404',
      /no column named 'class'.*'a', 'b'/,
    );
  });

  it('asks for a header when a label column is chosen for a table without one', async () => {
    expectProblem(await csv('noheader.csv', '1,2\n3,4\n', 'label'), 'D405', /no header row/);
  });

  it('refuses a table of only labels, an empty file and a header without rows', async () => {
    expectProblem(await csv('only.csv', 'label\n1\n', 'label'), 'D406');
    expectProblem(await csv('empty.csv', ''), 'D005', /empty/);
    expectProblem(await csv('blank.csv', '\n\n'), 'D401');
    expectProblem(await csv('headonly.csv', 'a,b\n'), 'D401');
  });

  it('refuses a table larger than the memory limit before reading its rows', async () => {
    const path = await put(dir, 'limit.csv', '1,2,3,4\n5,6,7,8\n');
    const result = await importDataset({ kind: 'csv', path }, { maxBytes: 20 });
    expectProblem(result, 'D009', /more than the limit/);
  });
});
