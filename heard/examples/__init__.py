"""The demo consultation (human-trafficking-2018), shipped inside the package as data files.

`heard demo` loads it from here, so an installed heard needs no source tree. To find its files,
for instance the demo codebook for `heard analyse`, print the folder::

    python -m heard.examples
    heard analyse records.jsonl --codebook "$(python -m heard.examples)/codebook.yaml" --out out/
"""
