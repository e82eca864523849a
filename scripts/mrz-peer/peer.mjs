// Runs the npm mrz package (MIT, the peer implementation of issue 27) over
// internal/mrz/testdata/corpus.json and writes what it says, MRZ by MRZ, to
// internal/mrz/testdata/peer.json. The Go test internal/mrz/peer_test.go
// compares package mrz's Parse with this file field by field and verdict by
// verdict (and, with MRZ_PEER=1, re-runs this script and compares live).
//
//   node scripts/mrz-peer/peer.mjs [corpus.json] [peer.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from 'mrz';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpusPath = process.argv[2] ?? resolve(root, 'internal/mrz/testdata/corpus.json');
const outPath = process.argv[3] ?? resolve(root, 'internal/mrz/testdata/peer.json');

const corpus = JSON.parse(readFileSync(corpusPath, 'utf8'));
const results = corpus.map(({ id, lines }) => {
  try {
    const r = parse(lines);
    return {
      id,
      format: r.format,
      valid: r.valid,
      fields: r.fields,
      // Each field's own verdict; fields without a name (none in TD1-3) are skipped.
      verdicts: Object.fromEntries(r.details.filter((d) => d.field).map((d) => [d.field, d.valid])),
    };
  } catch (error) {
    return { id, error: error.message };
  }
});
// One MRZ per line keeps the file diffable.
writeFileSync(outPath, `[\n${results.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
console.error(`mrz-peer: ${results.length} MRZs -> ${outPath}`);
