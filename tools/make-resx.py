#!/usr/bin/env python3
"""Regenerates Resources/SharedResource.en.resx from tools/en-strings.tsv (key<TAB>English)."""
import os, sys
from xml.sax.saxutils import escape
here = os.path.dirname(os.path.abspath(__file__))
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(here, "en-strings.tsv"), encoding="utf-8") if l.strip()]
bad = [r for r in rows if len(r) != 2]
if bad: sys.exit(f"bad rows: {bad}")
out = ['<?xml version="1.0" encoding="utf-8"?>', "<root>",
       '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>',
       '  <resheader name="version"><value>2.0</value></resheader>',
       '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>',
       '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>']
for k, v in sorted(rows):
    out.append(f'  <data name="{escape(k, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(v)}</value></data>')
out.append("</root>")
open(os.path.join(here, "..", "src", "CertPlatform.Web", "Resources", "SharedResource.en.resx"), "w", encoding="utf-8").write("\n".join(out) + "\n")
print(f"{len(rows)} strings")
