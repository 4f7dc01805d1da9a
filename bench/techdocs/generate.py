#!/usr/bin/env python3
"""Writes a deterministic synthetic MkDocs project for the TechDocs benchmark (bench/techdocs/run.sh).

    python3 bench/techdocs/generate.py [N] [DIR] [--fences fenced_code|superfences]

N pages (default 500) plus docs/index.md, in sections of 20 pages grouped five sections to a part, so the
nav is three levels deep. Each page is about 3-6 KB of Markdown: headings (h2/h3), paragraphs with inline
markup, bullet and numbered lists, a table, a fenced code block, an admonition, relative links to other
pages and, on every tenth page, one of a few small PNG images (written by this script). mkdocs.yml turns
on only extensions that both MkDocs (Debian's 1.4 with Python-Markdown) and Kerberus build without
warnings: admonition, tables, toc with permalinks, and fenced_code, or pymdownx.superfences with
--fences superfences (needs the python3-pymdownx package on the MkDocs side). The same arguments always
give byte-identical files. DIR (default ./techdocs-site) is emptied first.
"""
import argparse
import os
import random
import shutil
import struct
import zlib

SECTION_SIZE = 20
SECTIONS_PER_PART = 5
IMAGES = 4

WORDS = ("service catalog entity component system domain resource api owner group user template scaffolder "
         "pipeline deploy release build cache index search plugin backend frontend config schema provider "
         "location processor relation annotation lifecycle production experimental metric latency request "
         "response token session storage bucket publish render markdown page section table column value "
         "kubernetes cluster namespace pod container image registry network gateway proxy route handler "
         "queue event stream consumer producer retry timeout budget quota limit alert dashboard runbook").split()

LANGUAGES = ("python", "java", "yaml", "bash", "json")


def sentence(rnd, low=8, high=18):
    words = [rnd.choice(WORDS) for _ in range(rnd.randint(low, high))]
    i = rnd.randrange(len(words))
    style = rnd.random()
    if style < 0.25:
        words[i] = "**" + words[i] + "**"
    elif style < 0.45:
        words[i] = "*" + words[i] + "*"
    elif style < 0.6:
        words[i] = "`" + words[i] + "`"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rnd, sentences=None):
    return " ".join(sentence(rnd) for _ in range(sentences or rnd.randint(2, 5)))


def title(rnd, n=3):
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize()


def code_block(rnd):
    lang = rnd.choice(LANGUAGES)
    lines = []
    for i in range(rnd.randint(6, 14)):
        a, b = rnd.choice(WORDS), rnd.choice(WORDS)
        if lang == "python":
            lines.append(f"{'    ' if i else ''}{a}_{b} = fetch('{a}', retries={i})" if i else f"def load_{a}({b}):")
        elif lang == "java":
            lines.append(f"    var {a}{i} = client.get(\"{b}\", {i});" if i else f"void load{a.capitalize()}() {{")
        elif lang == "yaml":
            lines.append(f"  {a}_{i}: {b}" if i else f"{a}:")
        elif lang == "bash":
            lines.append(f"kerberus {a} --{b} {i} && echo \"{a} done\"")
        else:
            lines.append(f"  \"{a}{i}\": \"{b}\"," if i else "{")
    if lang == "java":
        lines.append("}")
    elif lang == "json":
        lines.append("  \"end\": true")
        lines.append("}")
    return "```" + lang + "\n" + "\n".join(lines) + "\n```"


def table(rnd):
    header = "| Name | Owner | Lifecycle | Requests/s |"
    rows = [header, "| --- | --- | --- | ---: |"]
    for _ in range(rnd.randint(4, 8)):
        rows.append(f"| {rnd.choice(WORDS)}-{rnd.choice(WORDS)} | team-{rnd.choice(WORDS)} | "
                    f"{rnd.choice(['production', 'experimental', 'deprecated'])} | {rnd.randint(1, 9999)} |")
    return "\n".join(rows)


def admonition(rnd):
    kind = rnd.choice(("note", "warning", "tip", "info", "danger"))
    body = "\n".join("    " + sentence(rnd) for _ in range(rnd.randint(1, 3)))
    return f'!!! {kind} "{title(rnd, 2)}"\n{body}'


def png(width, height, color):
    """A small solid-colour RGB PNG with a darker diagonal."""
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw.extend(tuple(c // 2 for c in color) if abs(x - y) < 2 else color)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def page_path(n):
    """docs-relative path of page n (1-based)."""
    return f"section-{(n - 1) // SECTION_SIZE + 1:02d}/page-{n:03d}.md"


def rel(from_page, to_path):
    return os.path.relpath(to_path, os.path.dirname(page_path(from_page)))


def page(n, total, rnd, page_title):
    parts = [f"# {page_title}", "", paragraph(rnd), ""]
    links = []
    if n > 1:
        links.append(f"[previous page]({rel(n, page_path(n - 1))})")
    if n < total:
        links.append(f"[next page]({rel(n, page_path(n + 1))})")
    other = rnd.randint(1, total)
    links.append(f"[a related page]({rel(n, page_path(other))})")
    links.append(f"[the home page]({rel(n, 'index.md')})")
    parts += ["See " + ", ".join(links) + ".", ""]
    for h in range(rnd.randint(3, 4)):
        parts += [f"## {title(rnd)} {h + 1}", "", paragraph(rnd), ""]
        if h == 0:
            parts += [f"- {sentence(rnd, 4, 9)}" for _ in range(rnd.randint(3, 6))] + [""]
            parts += [table(rnd), ""]
        elif h == 1:
            parts += [f"{i + 1}. {sentence(rnd, 4, 9)}" for i in range(rnd.randint(3, 5))] + [""]
            parts += [code_block(rnd), ""]
        elif h == 2:
            parts += [admonition(rnd), ""]
            if n % 10 == 0:
                image = f"img/diagram-{n // 10 % IMAGES + 1}.png"
                parts += [f"![Diagram {n // 10 % IMAGES + 1}]({rel(n, image)})", ""]
        parts += [f"### {title(rnd, 2)} details", "", paragraph(rnd), ""]
    return "\n".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="?", type=int, default=500)
    parser.add_argument("dir", nargs="?", default="techdocs-site")
    parser.add_argument("--fences", choices=("fenced_code", "superfences"), default="fenced_code")
    args = parser.parse_args()
    total = args.pages
    rnd = random.Random(20261122)
    out = args.dir
    if os.path.isdir(out):
        shutil.rmtree(out)
    docs = os.path.join(out, "docs")
    os.makedirs(os.path.join(docs, "img"))
    colors = [(66, 133, 244), (219, 68, 55), (244, 180, 0), (15, 157, 88)]
    for i in range(IMAGES):
        with open(os.path.join(docs, "img", f"diagram-{i + 1}.png"), "wb") as f:
            f.write(png(64 + 16 * i, 48 + 8 * i, colors[i % len(colors)]))

    titles = {n: f"{title(rnd, 2)} {n}" for n in range(1, total + 1)}
    size = 0
    for n in range(1, total + 1):
        path = os.path.join(docs, page_path(n))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        text = page(n, total, rnd, titles[n])
        size += len(text.encode())
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(docs, "index.md"), "w", encoding="utf-8") as f:
        f.write("# Synthetic docs\n\n" + paragraph(rnd) + "\n\n"
                + "\n".join(f"- [Section {s + 1}]({page_path(s * SECTION_SIZE + 1)})"
                            for s in range((total + SECTION_SIZE - 1) // SECTION_SIZE)) + "\n")

    fences = "  - pymdownx.superfences\n" if args.fences == "superfences" else "  - fenced_code\n"
    lines = ["site_name: Synthetic TechDocs benchmark", "docs_dir: docs", "markdown_extensions:", "  - admonition",
             "  - tables", "  - toc:", "      permalink: true", fences.rstrip("\n"), "nav:", "  - Home: index.md"]
    sections = (total + SECTION_SIZE - 1) // SECTION_SIZE
    for s in range(sections):
        if s % SECTIONS_PER_PART == 0:
            lines.append(f"  - Part {s // SECTIONS_PER_PART + 1}:")
        lines.append(f"      - Section {s + 1}:")
        for n in range(s * SECTION_SIZE + 1, min(total, (s + 1) * SECTION_SIZE) + 1):
            lines.append(f"          - '{titles[n]}': {page_path(n)}")
    with open(os.path.join(out, "mkdocs.yml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{total + 1} pages ({size // 1024} KB of Markdown, {size // total} bytes per page on average), "
          f"{IMAGES} images in {out}")


if __name__ == "__main__":
    main()
