"""Letters five cells wide and four lines high, for the spotlight on the wall.

A row in the spotlight was bold text of normal size: from the back of a room it read no better
than the table it came from. Here each letter is a 5 × 7 pixel glyph drawn with half blocks
(``▀ ▄ █``), so a line of it is four terminal lines high, or with full blocks two cells per
pixel (seven lines high) where there is room; readable across a hall. At 160 × 45
(projector) 13 letters fit on a line at the larger size, 25 at the smaller; at 80 × 24, 12.
Capitals only (the classic 5 × 7 set reads best at a distance); accents are dropped
(é → E). Plain text, no Textual.
"""

from __future__ import annotations

import textwrap
import unicodedata

GLYPH_WIDTH = 5
GAP = 1
LINE_HEIGHT = 4
"""Terminal lines per line of big text: seven pixel rows, two per line."""

_FONT_ROWS = {
    "A": ".###. #...# #...# ##### #...# #...# #...#",
    "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.",
    "D": "####. #...# #...# #...# #...# #...# ####.",
    "E": "##### #.... #.... ####. #.... #.... #####",
    "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".###. #...# #.... #.### #...# #...# .####",
    "H": "#...# #...# #...# ##### #...# #...# #...#",
    "I": ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "L": "#.... #.... #.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#",
    "N": "#...# #...# ##..# #.#.# #..## #...# #...#",
    "O": ".###. #...# #...# #...# #...# #...# .###.",
    "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#",
    "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.",
    "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.",
    "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
    "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
    "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "0": ".###. #...# #..## #.#.# ##..# #...# .###.",
    "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####",
    "3": "##### ...#. ..#.. ...#. ....# #...# .###.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
    "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.",
    "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.",
    "9": ".###. #...# #...# .#### ....# ...#. .##..",
    "-": "..... ..... ..... ##### ..... ..... .....",
    "+": "..... ..#.. ..#.. ##### ..#.. ..#.. .....",
    ".": "..... ..... ..... ..... ..... .##.. .##..",
    ",": "..... ..... ..... ..... .##.. ..#.. .#...",
    ":": "..... .##.. .##.. ..... .##.. .##.. .....",
    "!": "..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..",
    "?": ".###. #...# ....# ...#. ..#.. ..... ..#..",
    "'": "..#.. ..#.. .#... ..... ..... ..... .....",
    '"': ".#.#. .#.#. ..... ..... ..... ..... .....",
    "/": "..... ....# ...#. ..#.. .#... #.... .....",
    "&": ".##.. #..#. #.#.. .#... #.#.# #..#. .##.#",
    "(": "...#. ..#.. .#... .#... .#... ..#.. ...#.",
    ")": ".#... ..#.. ...#. ...#. ...#. ..#.. .#...",
    "%": "##... ##..# ...#. ..#.. .#... #..## ...##",
    " ": "..... ..... ..... ..... ..... ..... .....",
}
_FONT = {char: rows.split() for char, rows in _FONT_ROWS.items()}
_SAME = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "."})
_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def big_letters(text: str) -> str | None:
    """``text`` as the big font writes it (capitals, no accents, no line breaks), or None
    when it holds a sign the font lacks (an emoji, ``@``): the caller shows it small."""
    plain = unicodedata.normalize("NFKD", text.translate(_SAME).replace("ß", "ss"))
    folded = "".join(c for c in plain if not unicodedata.combining(c))
    letters = " ".join(folded.split()).upper()
    return letters if all(char in _FONT for char in letters) else None


def big_text(text: str, width: int, height: int) -> list[str] | None:
    """``text`` in the biggest letters that fit ``width`` × ``height`` cells, wrapped at words,
    or None when even the smaller size does not fit (or it has a sign the font lacks): then
    it is shown at normal size.

    The larger size draws a pixel as two full blocks (a letter 10 cells wide, 7 lines high),
    the smaller as half a block (5 wide, ``LINE_HEIGHT`` high); lines of big text have one
    empty line between them.
    """
    letters = big_letters(text)
    if not letters:
        return None
    for scale, glyph, lines_high in ((2, 2 * GLYPH_WIDTH, 7), (1, GLYPH_WIDTH, LINE_HEIGHT)):
        per_line = (width + GAP * scale) // (glyph + GAP * scale)
        if per_line < 1:
            continue
        lines = textwrap.wrap(letters, per_line, break_on_hyphens=False) or [""]
        if len(lines) * (lines_high + 1) - 1 > height:
            continue
        drawn: list[str] = []
        for number, line in enumerate(lines):
            if number:
                drawn.append("")
            drawn.extend(_draw_large(line) if scale == 2 else _draw(line))
        return drawn
    return None


def _draw_large(line: str) -> list[str]:
    """One line of letters, a pixel two full blocks wide and one line high."""
    rows = (" ".join(_FONT[char][row] for char in line) for row in range(7))
    return ["".join("██" if pixel == "#" else "  " for pixel in row) for row in rows]


def _draw(line: str) -> list[str]:
    """One line of letters as ``LINE_HEIGHT`` lines of half blocks."""
    pixels = [" ".join(_FONT[char][row] for char in line) for row in range(7)] + [""]
    drawn = []
    for top, bottom in zip(pixels[0::2], pixels[1::2], strict=True):
        bottom = bottom.ljust(len(top), ".")
        cells = (_HALVES[a == "#", b == "#"] for a, b in zip(top, bottom, strict=True))
        drawn.append("".join(cells))  # every row as wide, so centring keeps letters whole
    return drawn
