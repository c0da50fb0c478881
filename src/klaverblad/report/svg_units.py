"""The units of the charts' inline SVGs (the gap chart, the tornado, the waterfall, the gains
and losses, the cash flow), in one
place so that the charts read alike: 400 wide, so that the 15-unit text stays above 13 px on
a 390 px phone (and 18 px at a figure's widest, 30rem: klaverblad.css); a margin of 8 on
each side."""

WIDTH = 400
FONT_SIZE = 15
LEFT = 8.0
RIGHT = 392.0

# A chart of labelled bars, one row per item (the waterfall, the gains and losses): its label,
# its bar, its signed amount under it.
ROW_HEIGHT = 66
LABEL_Y = 16.0
BAR_Y = 24.0
BAR_HEIGHT = 18.0
AMOUNT_Y = 58.0
# The words start a little right of the chart's edge, where a bar may start too.
TEXT_X = 12.0
# About the width of one character of the 15-unit text: a longer label is squeezed to fit.
CHARACTER_WIDTH = 8.0
MORE = "#2E5E22"  # the pages' accent colour: 7.6:1 against white
LESS = "#B00020"  # the pages' error colour: 6.6:1 against white
