#!/usr/bin/env python3
"""Compute the gold of a list question ("what did BBC publish on 15 July 2018?") from the ANT corpus itself.

The rules are the ones the eval sets promise (eval/README.md):
- an article's date is its LOCAL publication date: the date part of `published` as the outlet wrote it
  (2018-03-01T02:28:09+04:00 is 1 March), never the UTC-converted one;
- articles whose bodies are the same text (the same story filed under two categories, or boiler-plate stubs) are one
  article in the index, so they count once in the total, while all their ids are listed;
- articles with an empty body are not ingested and are left out;
- the ids come newest first; when more than --max articles match, only the newest --max are listed.

Only the ANT corpus is read: the five corpus/sample articles are from 2023 or undated, so a list over them is
written by hand.

    eval/tools/list_gold.py --from 2018-07-15 --to 2018-07-15 --source BBC
    eval/tools/list_gold.py --source france24 --title خاشقجي
"""
import argparse
import gzip
import json
import os
import re
import sys
from collections import defaultdict
from datetime import datetime

DEFAULT_CORPUS = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'corpora', 'ant-multisource-news.jsonl.gz')
DIACRITICS = re.compile('[\u064B-\u0652\u0670\u0640]')


def fold(text):
    """Arabic spelling variants folded (alef forms, ya/alef maqsura, ta marbuta, hamza seats, diacritics)."""
    text = DIACRITICS.sub('', text)
    text = re.sub('[أإآٱ]', 'ا', text)
    for a, b in (('ى', 'ي'), ('ة', 'ه'), ('ؤ', 'و'), ('ئ', 'ي'), ('ک', 'ك'), ('ی', 'ي')):
        text = text.replace(a, b)
    return text.lower()


def body_key(body):
    return re.sub(r'\s+', ' ', fold(body)).strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--corpus', default=DEFAULT_CORPUS, help='the ANT jsonl.gz (default: ../shared beside the repository)')
    parser.add_argument('--from', dest='date_from', help='first local publication date, yyyy-MM-dd')
    parser.add_argument('--to', dest='date_to', help='last local publication date, yyyy-MM-dd')
    parser.add_argument('--source', action='append', help='outlet as the corpus names it (alarabia, BBC, CNN, france24, skynews); repeatable')
    parser.add_argument('--title', action='append', help='words the title must contain (Arabic spelling folded); repeatable, all must match')
    parser.add_argument('--max', type=int, default=30, help='list at most this many ids (default 30)')
    args = parser.parse_args()
    if not os.path.exists(args.corpus):
        sys.exit(f'list_gold: corpus not found: {args.corpus}')

    with gzip.open(args.corpus, 'rt', encoding='utf-8') as lines:
        articles = [json.loads(line) for line in lines if line.strip()]
    articles = [a for a in articles if a['body'].strip()]

    def matches(a):
        day = a['published'][:10]
        return ((not args.date_from or day >= args.date_from) and (not args.date_to or day <= args.date_to)
                and (not args.source or a['source'] in args.source)
                and all(fold(t) in fold(a['title']) for t in args.title or []))

    groups = defaultdict(list)
    for a in articles:
        groups[body_key(a['body'])].append(a)
    chosen = [g for g in groups.values() if any(matches(a) for a in g)]
    for g in chosen:
        strays = [a['id'] for a in g if not matches(a)]
        if strays:
            print(f'list_gold: warning: {[a["id"] for a in g if matches(a)]} share their text with {strays} outside the filter; '
                  'the index keeps only one of them', file=sys.stderr)

    def newest(a):
        return datetime.fromisoformat(a['published'])

    chosen.sort(key=lambda g: max(newest(a) for a in g if matches(a)), reverse=True)
    ids = [a['id'] for g in chosen[:args.max] for a in sorted(g, key=newest, reverse=True) if matches(a)]
    print(json.dumps({'expected_list_ids': ids, 'expected_list_total': len(chosen),
                      'expected_date': max((a for a in chosen[0] if matches(a)), key=newest)['published'][:10] if chosen else None},
                     ensure_ascii=False))


if __name__ == '__main__':
    main()
