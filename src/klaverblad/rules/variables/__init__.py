"""Variables of the klaverblad rules: inputs, shared time facts, and one module per measure."""
