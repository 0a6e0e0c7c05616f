#!/usr/bin/env python3
"""Generate models/news-orgs.tsv: organisation names of Vietnamese news, mined from the
news corpus for `vntext analyze` (issue 4).

A name is a run of capitalised words written right after a lower-case word that says what
kind of organisation follows ("công ty Vinamilk", "hãng tin Reuters", "báo Dân trí",
"CLB Barcelona", "mạng xã hội Facebook", "ứng dụng Air Visual"). Names seen so in at
least two articles are kept, except known places (src/gazetteer_table.h) and single
upper-case words of two letters. The articles of every tests/gold/analyze-heldout*.tsv are
left out (why: the held-out half must stay unseen by anything that is tuned).

Keys as src/gazetteer.c vnt__gaz_key (tools/gen_gazetteer.py key()); lines "key<TAB>articles"
sorted by key (byte order). The list is derived from the corpus and carries its licence,
GPL-3.0 (models/news-orgs.md).
Usage: python3 tools/gen_orgs.py > models/news-orgs.tsv
"""
import collections, os, re, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
import unicodedata

TONES = {'\u0300': 1, '\u0301': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5}


def key(name):
    """as tools/gen_gazetteer.py key() (that script writes its table when imported)"""
    out = []
    for syl in name.replace('\u00a0', ' ').split():
        tone = 0
        kept = []
        for ch in unicodedata.normalize('NFD', syl):
            if ch in TONES:
                tone = TONES[ch]
            else:
                kept.append(ch)
        s = unicodedata.normalize('NFC', ''.join(kept)).lower()
        out.append(s + (str(tone) if tone else ''))
    return ' '.join(out)

NEWS = os.path.join(ROOT, '..', 'shared', 'data', 'news', 'unc_dantri_2020_2021.txt')
CUES = ['công ty', 'tập đoàn', 'hãng', 'hãng tin', 'hãng thông tấn', 'hãng hàng không', 'báo',
        'tờ', 'tờ báo', 'nhật báo', 'tạp chí', 'trang tin', 'kênh', 'mạng xã hội', 'ứng dụng',
        'nền tảng', 'thương hiệu', 'nhãn hàng', 'clb', 'câu lạc bộ', 'đội bóng', 'ngân hàng',
        'nhà mạng', 'ví điện tử', 'sàn', 'website', 'trang web', 'studio', 'hãng phim']
UP = r'[A-ZÀ-ỸĐ]'
WORD = UP + r"[\w.&'’-]*"
PAT = re.compile(r'(?<![\w])(?<!nhà )(?<!phóng )(' + '|'.join(sorted(map(re.escape, CUES + ['CLB']), key=len, reverse=True)) +
                 r')\s+(' + WORD + r'(?:\s+' + WORD + r'){0,3})')


# upper-case words after a kind word that are no names: legal forms, generic acronyms
GENERIC = {'tnhh', 'cp', 'ubnd', 'cntt', 'iot', 'ai', 'mtv', 'jsc'}


def places():
    s = open(os.path.join(ROOT, 'src', 'gazetteer_table.h'), encoding='utf-8').read()
    i = s.index('gaz_places[]')
    return set(re.findall(r'\{"([^"]*)"', s[i:s.index('};', i)]))


def main():
    held = set()
    gold = os.path.join(ROOT, 'tests', 'gold')
    for fn in sorted(os.listdir(gold)):
        if not (fn.startswith('analyze-heldout') and fn.endswith('.tsv')):
            continue
        # doc ids only (first two columns of `doc` rows)
        for line in open(os.path.join(gold, fn), encoding='utf-8'):
            f = line.split('\t')
            if f[0] == 'doc':
                held.add(f[1])
    text = open(NEWS, encoding='utf-8').read()
    known = places()
    seen = collections.defaultdict(set)
    for art in text.split('# doc_id = ')[1:]:
        doc = art.split('\n', 1)[0].strip()
        if doc in held:
            continue
        body = art.split('\n', 3)[3] if art.count('\n') >= 3 else ''
        for m in PAT.finditer(body):
            name = m.group(2).rstrip('.-’\'')
            # a name stops before a sentence's capital ("Vinamilk. Theo"): cut at ". "
            name = re.split(r'[.!?]\s', name)[0]
            words = name.split()
            # a name with lower-case words ("Dân trí", "Cổ phần", "Hàng không") is no
            # plain name: left out (the character class also holds lower-case letters)
            if not all(wd[0].isupper() for wd in words):
                continue
            after = body[m.end():m.end() + 2]
            if len(after) == 2 and after[0] == ' ' and after[1].islower() and \
                    len(words) == 1 and not words[0].isascii():
                continue
            k = key(name)
            if not k or k in known or (len(name) <= 2 and name.isupper()) or k in GENERIC:
                continue
            seen[k].add(doc)
    out = sorted((k for k, d in seen.items() if len(d) >= 2), key=lambda x: x.encode())
    w = sys.stdout.write
    w('# news-orgs: organisation names after kind words in >= 2 articles of unc_dantri_2020_2021 '
      '(held-out gold articles left out; GPL-3.0)\n')
    for k in out:
        w('%s\t%d\n' % (k, len(seen[k])))


if __name__ == '__main__':
    main()
