#!/usr/bin/env python3
"""The GUI's translatable strings: every tr("...") and N_("...") literal in app/gui.

    scripts/ui_strings.py            list them, one per line (as C string literals decode)
    scripts/ui_strings.py --missing  those datasets/i18n/ui_strings.csv lacks (exit 1 if any)

The table's key is the English text without an ImGui ID suffix ("Radius##r" -> "Radius")."""
import csv, glob, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LITERAL = re.compile(r'\b(?:tr|N_)\(\s*"((?:[^"\\]|\\.)*)"')
ITEMS = re.compile(r'\btr_items\(\{([^}]*)\}\)')
ITEM = re.compile(r'"((?:[^"\\]|\\.)*)"')


def decode(text):
    return bytes(text, 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')


def strings():
    found = set()
    for path in sorted(glob.glob(os.path.join(ROOT, 'app', 'gui', '*.cpp'))):
        text = open(path, encoding='utf-8').read()
        for m in LITERAL.finditer(text):
            found.add(decode(m.group(1)).split('##')[0])
        for items in ITEMS.finditer(text):
            for m in ITEM.finditer(items.group(1)):
                found.add(decode(m.group(1)))
    found.discard('')
    return sorted(found)


def table():
    with open(os.path.join(ROOT, 'datasets', 'i18n', 'ui_strings.csv'), encoding='utf-8', newline='') as f:
        return {row['en']: row['zh'] for row in csv.DictReader(f)}


if __name__ == '__main__':
    if '--missing' in sys.argv:
        known = table()
        missing = [s for s in strings() if s not in known]
        for s in missing:
            print(s)
        sys.exit(1 if missing else 0)
    for s in strings():
        print(s)
