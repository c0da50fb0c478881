"""The units of the charts' inline SVGs (the gap chart, the tornado, the waterfall), in one
place so that the charts read alike: 400 wide, so that the 15-unit text stays above 13 px on
a 390 px phone (and 18 px at a figure's widest, 30rem: klaverblad.css); a margin of 8 on
each side."""

WIDTH = 400
FONT_SIZE = 15
LEFT = 8.0
RIGHT = 392.0
