#!/usr/bin/env python3
"""Rewrites the option and header tables of the .adoc page and the README from the generated progress.json.

Run after changing an option or header (the build regenerates progress.json at process-classes):
    python3 camel-progress-component/src/build/update-docs.py
ReferenceDocsTest fails the build when the .adoc page misses an option or header.
"""
import json
import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[3]
meta = json.loads((root / 'camel-progress-component/src/generated/resources/META-INF/io/camelprogress/component/progress.json').read_text())


def default(v):
    dv = v.get('defaultValue', '')
    if isinstance(dv, bool):
        return str(dv).lower()
    if v.get('type') == 'duration' and dv != '':
        ms = int(dv)
        for unit, size in (('h', 3600000), ('m', 60000), ('s', 1000)):
            if ms % size == 0:
                return f'{ms // size}{unit}'
    return str(dv)


def rows(section, skip=()):
    items = [(k, v) for k, v in meta[section].items() if k not in skip]
    if section != 'headers':
        items.sort(key=lambda kv: (kv[1].get('group', ''), kv[0]))
    return items


def adoc_table(section, skip=()):
    if section == 'headers':
        lines = ['[width="100%",cols="2,1,1,5",options="header"]', '|===', '| Name | Group | Type | Description']
        lines += [f"| *{k}* | {v.get('label', '')} | {v['javaType']} | {v['description']}" for k, v in rows(section)]
    else:
        lines = ['[width="100%",cols="2,1,1,5",options="header"]', '|===', '| Name | Group | Default | Description']
        lines += [f"| *{k}* | {v.get('group', '')} | {default(v)} | {v['description']}" for k, v in rows(section, skip)]
    return '\n'.join(lines + ['|==='])


def md_table(section, skip=()):
    if section == 'headers':
        lines = ['| header | group | type | meaning |', '|---|---|---|---|']
        lines += [f"| `{k}` | {v.get('label', '')} | {v['javaType']} | {v['description']} |" for k, v in rows(section)]
    else:
        lines = ['| option | group | default | description |', '|---|---|---|---|']
        lines += [f"| `{k}` | {v.get('group', '')} | {default(v)} | {v['description']} |" for k, v in rows(section, skip)]
    return '\n'.join(lines)


def replace(text, name, table):
    pattern = re.compile(rf'(// {name}: START\n).*?(\n// {name}: END)', re.S)
    if not pattern.search(text):
        raise SystemExit(f'marker "// {name}: START/END" missing')
    return pattern.sub(lambda m: m.group(1) + table + m.group(2), text)


adoc = root / 'camel-progress-component/src/main/docs/progress-component.adoc'
text = adoc.read_text()
text = replace(text, 'component options', adoc_table('componentProperties'))
text = replace(text, 'endpoint options', adoc_table('properties'))
text = replace(text, 'endpoint headers', adoc_table('headers'))
adoc.write_text(text)

readme = root / 'README.md'
text = readme.read_text()
common = ('lazyStartProducer', 'autowiredEnabled', 'bridgeErrorHandler', 'exceptionHandler', 'exchangePattern')
text = re.sub(r'(<!-- component options: START -->\n).*?(\n<!-- component options: END -->)',
              lambda m: m.group(1) + md_table('componentProperties', common) + m.group(2), text, flags=re.S)
text = re.sub(r'(<!-- endpoint options: START -->\n).*?(\n<!-- endpoint options: END -->)',
              lambda m: m.group(1) + md_table('properties', common) + m.group(2), text, flags=re.S)
text = re.sub(r'(<!-- headers: START -->\n).*?(\n<!-- headers: END -->)',
              lambda m: m.group(1) + md_table('headers') + m.group(2), text, flags=re.S)
readme.write_text(text)
