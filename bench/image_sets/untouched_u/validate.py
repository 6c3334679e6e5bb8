#!/usr/bin/env python3
"""Validate labels.jsonl against img/ (schema, types, files, sizes)."""
import json, os, collections
from PIL import Image
HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = set('tw_national_id tw_resident_id passport_number credit_card bank_account phone_number email address birth_date '
            'license_plate person_name health_info criminal_record travel_record warrant investigation_secret '
            'whistleblower_identity procurement_secret classified_marking personnel_secret inspection_plan'.split())
KEYS = ['id', 'image', 'expect', 'types', 'doc', 'style', 'note']
rows = [json.loads(l) for l in open(os.path.join(HERE, 'labels.jsonl'), encoding='utf-8')]
ids = set(); err = []
for r in rows:
    if list(r) != KEYS: err.append((r.get('id'), 'keys', list(r)))
    if r['id'] in ids: err.append((r['id'], 'dup'))
    ids.add(r['id'])
    if r['expect'] not in ('allow', 'flag'): err.append((r['id'], 'expect'))
    if not set(r['types']) <= TYPES: err.append((r['id'], 'types', r['types']))
    if (r['expect'] == 'flag') != bool(r['types']): err.append((r['id'], 'expect/types mismatch'))
    p = os.path.join(HERE, r['image'])
    if not os.path.exists(p): err.append((r['id'], 'missing')); continue
    w, h = Image.open(p).size
    if not 800 <= max(w, h) <= 2000: err.append((r['id'], 'size', w, h))
    if 'WARN' in r['note']: err.append((r['id'], 'glyph warn'))
files = set(os.listdir(os.path.join(HERE, 'img')))
extra = files - {os.path.basename(r['image']) for r in rows}
if extra: err.append(('extra files', len(extra)))
print('rows', len(rows), dict(collections.Counter(r['expect'] for r in rows)))
print('errors', len(err)); [print(e) for e in err[:30]]
